// A reminder's message template in the buyer's language: the shop's own, else the default words
// of that language's catalogue (the background fills it in; the popup needs none of this).
import type { Templates } from '../domain/journey-settings';
import type { BuyerLanguage } from '../domain/journeys/language';
import { translator, UI_LOCALES, type MessageKey, type UiLocale } from '../i18n';

/** The screen language whose catalogue writes a buyer language's fixed words (English for the others). */
export const catalogueOf = (language: BuyerLanguage): UiLocale => ((UI_LOCALES as readonly string[]).includes(language) ? (language as UiLocale) : 'en');

/**
 * The shop's own template for a reason in the buyer's language, else the default one in it; for a
 * language without default texts (Thai, Vietnamese…) the shop's English template, else the default English.
 */
export function templateFor(kind: string | undefined, language: BuyerLanguage, templates: Templates): string {
  const key = (kind ?? 'manual') as keyof Templates;
  const own = templates[key]?.[language];
  if (own) return own;
  const catalogue = catalogueOf(language);
  return (catalogue !== language && templates[key]?.[catalogue]) || translator(catalogue)(`journey.template.${key}` as MessageKey);
}
