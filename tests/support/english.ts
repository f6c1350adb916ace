import type { Frame, Page } from '@playwright/test';
import { en } from '../../lib/i18n/en';
import { send } from './protocol';

/** The fixed parts of every English message, three words or longer: if one shows, a string went untranslated. */
export const ENGLISH = [
  ...new Set(
    Object.values(en)
      .flatMap((text) => text.replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, '\u0000').split('\u0000'))
      .map((part) => part.trim())
      .filter((part) => /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/.test(part)),
  ),
];

/** The English catalogue fragments a page or frame shows. */
export async function englishOn(target: Page | Frame): Promise<string[]> {
  const text = await target.locator('body').innerText();
  return ENGLISH.filter((part) => text.includes(part));
}

/**
 * Sentences in Latin letters a page or frame shows: four or more Latin words apart by spaces (a
 * host name is not a sentence). On a Chinese
 * screen only names (buyers, products, brands, file names) may be Latin, and the caller passes those.
 */
export async function latinSentencesOn(target: Page | Frame, names: readonly string[] = []): Promise<string[]> {
  const lines = (await target.locator('body').innerText()).split('\n');
  const sentences = lines.flatMap((line) => line.match(/[A-Za-z][A-Za-z'’-]*(?:[,.:;]?\s+[A-Za-z][A-Za-z'’-]*){3,}/g) ?? []);
  return [...new Set(sentences)].filter((s) => !names.some((name) => name.includes(s) || s.includes(name)));
}

/** Names the shop wrote itself and any screen may show as written (saved segments: another test may have saved an English one). */
export async function shopNames(extensionPage: Page): Promise<string[]> {
  return (await send<{ name: string }[]>(extensionPage, 'segment.list', {})).map((segment) => segment.name);
}
