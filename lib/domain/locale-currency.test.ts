import { describe, expect, it } from 'vitest';
import { currencyForLocale } from './locale-currency';

describe("the shop's currency first guessed from the browser locale", () => {
  it.each([
    ['de-DE', 'EUR'],
    ['de', 'EUR'],
    ['de-CH', 'CHF'],
    ['en-US', 'USD'],
    ['en-GB', 'GBP'],
    ['en-SG', 'SGD'],
    ['zh-CN', 'CNY'],
    ['zh-TW', 'TWD'],
    ['ms-MY', 'MYR'],
    ['id', 'IDR'],
    ['pt-BR', 'BRL'],
  ])('%s suggests %s', (locale, currency) => {
    expect(currencyForLocale(locale)).toBe(currency);
  });

  it.each(['', 'not a locale', 'en-001'])('"%s" suggests nothing', (locale) => {
    expect(currencyForLocale(locale)).toBeUndefined();
  });
});
