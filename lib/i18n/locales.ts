// The screen languages, which one a page shows, and a translator over one catalogue. No catalogue
// is imported here: a page can load its own language's alone (load.ts), the others import index.ts.
import type { MessageKey } from './en';
import { formatMessage, type Params } from './message-format';

export const UI_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The setting wins; 'auto' follows the browser: zh-TW/HK/MO and Hant read traditional, other zh simplified. */
export function resolveLocale(setting: string | undefined, browserLanguage: string): UiLocale {
  if (setting === 'en' || setting === 'zh-CN' || setting === 'zh-TW') return setting;
  const lang = browserLanguage.toLowerCase();
  if (lang.startsWith('zh')) return /hant|tw|hk|mo/.test(lang) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

/** `has`: whether the catalogue has words for a key that came from elsewhere (a refusal's reason code). */
export type Translate = ((key: MessageKey, params?: Params) => string) & { readonly has?: (key: string) => boolean };

export function translatorOf(locale: UiLocale, catalogue: Readonly<Record<MessageKey, string>>, fallback?: Readonly<Record<MessageKey, string>>): Translate {
  const t = (key: MessageKey, params?: Params) => formatMessage(catalogue[key] ?? fallback?.[key], locale, params);
  return Object.assign(t, { has: (key: string) => key in catalogue });
}
