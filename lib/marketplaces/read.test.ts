import { describe, expect, it } from 'vitest';
import { currencyShown, statusFrom } from './read';

describe('the currency an amount spells out', () => {
  it.each([
    ['RM 123.90', 'MYR'],
    ['RM12.90', 'MYR'],
    ['US $24.32', 'USD'],
    ['US$ 42.50', 'USD'],
    ['C $18.00', 'CAD'],
    ['AU $9.95', 'AUD'],
    ['S$15.00', 'SGD'],
    ['NT$390', 'TWD'],
    ['R$ 97,12', 'BRL'],
    ['Rp 150.000', 'IDR'],
    ['฿299', 'THB'],
    ['₱1,250.00', 'PHP'],
    ['120.000 ₫', 'VND'],
    ['€58,00', 'EUR'],
    ['£12.99', 'GBP'],
    ['58.00 EUR', 'EUR'],
    ['$34.97', undefined],
    ['¥239.00', undefined],
    ['₴1,280.00', 'UAH'],
    ['PREMIUM 12.00', undefined],
  ])('%s is %s', (text, code) => {
    expect(currencyShown(text)).toBe(code);
  });
});

describe('a status from the site’s words', () => {
  it('takes the first pattern that matches, in table order', () => {
    const words = [
      [/refund/i, 'refunded'],
      [/ship/i, 'shipped'],
    ] as const;
    expect(statusFrom('Shipped, refund requested', words)).toBe('refunded');
    expect(statusFrom('Shipped', words)).toBe('shipped');
    expect(statusFrom('Pending', words)).toBeUndefined();
    expect(statusFrom(undefined, words)).toBeUndefined();
  });
});
