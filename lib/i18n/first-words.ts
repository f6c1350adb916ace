// The words of the popup's first frame (components/popup/first-frame.ts), some 110 of the
// catalogue's 1,200: the popup's first script carries them for every language (a few KB each, the
// catalogue plugin in wxt.config.ts), so the frame waits for no catalogue file (68-95 KB) to load
// and run. The page's React code loads its language's whole catalogue as before.
import type { MessageKey } from './en';
import { translatorOf, type Translate, type UiLocale } from './locales';

/** Every key the first frame draws: these keys, and those starting with a prefix ending in '.'. */
export const FIRST_FRAME_KEYS = [
  'app.name',
  'popup.',
  'tabs.',
  'segments.tab',
  'setup.popup',
  'setup.popupOpen',
  'today.',
  'journey.kind.',
  'journey.banner.',
  'journey.suppressed.doNotContact',
  'reminder.',
  'holiday.',
  'tierName.',
  'benefits.line',
  'gift.none',
] as const;

const wanted = (key: string) => FIRST_FRAME_KEYS.some((k) => (k.endsWith('.') ? key.startsWith(k) : key === k));

/** The first frame's words of one catalogue. */
export function firstFrameWords(catalogue: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => wanted(key)));
}

/** A translator over the first frame's words: a key it lacks throws (the page's React code then draws the frame). */
export function firstFrameTranslator(locale: UiLocale, words: Readonly<Record<string, string>>): Translate {
  const t = translatorOf(locale, words as Readonly<Record<MessageKey, string>>);
  return (key, params) => {
    if (!(key in words)) throw new Error(`The popup's first frame has no words for "${key}": add it to FIRST_FRAME_KEYS (lib/i18n/first-words.ts)`);
    return t(key, params);
  };
}
