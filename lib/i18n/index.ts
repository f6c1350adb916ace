// One catalogue for every string the UI shows: en, zh-CN, zh-TW.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import type { UiLocale } from './locale';

export type { MessageKey };
export { UI_LOCALES, resolveLocale, type UiLocale } from './locale';

const catalogues: Record<UiLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: UiLocale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key] ?? en[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
