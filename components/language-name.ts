// A language's name for the reader, apart from format.ts: the popup's first script draws it, and
// format.ts brings money formatting with it.
import { cached } from '@/lib/domain/cached';

/** A language's own name in the reader's language ("Thai", "泰文"); the code itself when Intl can't name it. */
const languageNames = new Map<string, Intl.DisplayNames>();
export function languageName(language: string, locale: string): string {
  try {
    return cached(languageNames, locale, () => new Intl.DisplayNames([locale], { type: 'language' })).of(language) ?? language;
  } catch {
    return language;
  }
}
