// Which UI language to use: apart from the catalogues, so a page can decide before loading them.
export const UI_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The setting wins; 'auto' follows the browser: zh-TW/HK/MO and Hant read traditional, other zh simplified. */
export function resolveLocale(setting: string | undefined, browserLanguage: string): UiLocale {
  if (setting === 'en' || setting === 'zh-CN' || setting === 'zh-TW') return setting;
  const lang = browserLanguage.toLowerCase();
  if (lang.startsWith('zh')) return /hant|tw|hk|mo/.test(lang) ? 'zh-TW' : 'zh-CN';
  return 'en';
}
