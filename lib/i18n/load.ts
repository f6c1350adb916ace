// The popup's translator: only its own language's words are loaded (each catalogue is its own chunk,
// made at build time by the catalogue plugin in wxt.config.ts), not all three.
import type { MessageKey } from './en';
import { translatorOf, type Translate, type UiLocale } from './locales';

type Catalogue = { default: Readonly<Record<MessageKey, string>> };

const LOADERS: Record<UiLocale, () => Promise<Catalogue>> = {
  en: () => import('virtual:regulars-catalogue/en'),
  'zh-CN': () => import('virtual:regulars-catalogue/zh-CN'),
  'zh-TW': () => import('virtual:regulars-catalogue/zh-TW'),
};

export async function loadTranslator(locale: UiLocale): Promise<Translate> {
  return translatorOf(locale, (await LOADERS[locale]()).default);
}
