// One catalogue for every string the UI shows: en, zh-CN, zh-TW.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { formatMessage, type Params } from './message-format';

export type { MessageKey };
export const UI_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

const catalogues: Record<UiLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** The setting wins; 'auto' follows the browser: zh-TW/HK/MO and Hant read traditional, other zh simplified. */
export function resolveLocale(setting: string | undefined, browserLanguage: string): UiLocale {
  if (setting === 'en' || setting === 'zh-CN' || setting === 'zh-TW') return setting;
  const lang = browserLanguage.toLowerCase();
  if (lang.startsWith('zh')) return /hant|tw|hk|mo/.test(lang) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

export type { Params };
export type Translate = (key: MessageKey, params?: Params) => string;

/** Every catalogue by locale (for tests that hold them against each other). */
export const CATALOGUES: Readonly<Record<UiLocale, Readonly<Record<MessageKey, string>>>> = catalogues;

export function translator(locale: UiLocale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => formatMessage(catalogue[key] ?? en[key], locale, params);
}
