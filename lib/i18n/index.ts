// One catalogue for every string the UI shows: en, zh-CN, zh-TW. A page that shows one language
// and should load only its words (the popup) uses load.ts instead.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { translatorOf, type Translate, type UiLocale } from './locales';

export type { MessageKey };
export { resolveLocale, UI_LOCALES, type Translate, type UiLocale } from './locales';
export { sentences, type Params } from './message-format';

const catalogues: Record<UiLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Every catalogue by locale (for tests that hold them against each other). */
export const CATALOGUES: Readonly<Record<UiLocale, Readonly<Record<MessageKey, string>>>> = catalogues;

export function translator(locale: UiLocale): Translate {
  return translatorOf(locale, catalogues[locale], en);
}
