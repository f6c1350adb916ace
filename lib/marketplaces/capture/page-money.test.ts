import { describe, expect, it } from 'vitest';
import { amountOnPage, currencyOfAmount } from './page-money';

describe('an amount as an order page prints it', () => {
  it.each<[string, string, '.' | ',' | undefined, number]>([
    ['1.249,00 €', 'EUR', ',', 124900],
    ['1.249,00 €', 'EUR', undefined, 124900],
    ['€1,249.00', 'EUR', '.', 124900],
    ['$1,249.00', 'USD', undefined, 124900],
    ['¥1,249', 'CNY', '.', 124900],
    ['¥1,249', 'JPY', undefined, 1249],
    ['Rp 1.249.000', 'IDR', ',', 1249000],
    ['Rp 1.249', 'IDR', ',', 1249],
    ['1.249.000 ₫', 'VND', ',', 1249000],
    ['₫1.249.000', 'VND', undefined, 1249000],
    ['R$ 1.249,90', 'BRL', ',', 124990],
    ['RM 12.90', 'MYR', '.', 1290],
    ['1 249,00 €', 'EUR', ',', 124900],
    ['1.249', 'USD', '.', 125],
    ['US $24.32', 'USD', undefined, 2432],
  ])('"%s" in %s (decimal %s) is %i minor units', (text, currency, decimal, minor) => {
    expect(amountOnPage(text, currency, decimal)).toBe(minor);
  });

  it.each([['1,2,3', ','], ['12 apples and 3 pears', '.'], ['', undefined]] as const)('"%s" is no amount', (text, decimal) => {
    expect(amountOnPage(text, 'USD', decimal)).toBeUndefined();
  });
});

describe('the currency an amount is in', () => {
  it.each<[string, string | undefined, string | undefined, string | undefined]>([
    ['1.249,00 €', undefined, undefined, 'EUR'],
    ['RM 12.90', 'SGD', 'USD', 'MYR'],
    ['$1,249.00', 'SGD', 'USD', 'SGD'],
    ['$1,249.00', undefined, 'CAD', 'CAD'],
    ['$1,249.00', undefined, 'EUR', undefined],
    ['$1,249.00', undefined, undefined, undefined],
    ['¥1,249', 'CNY', undefined, 'CNY'],
    ['￥1,249', 'JPY', 'USD', 'JPY'],
    ['1,249.00', 'THB', 'USD', 'THB'],
    ['1,249.00', undefined, 'EUR', 'EUR'],
    ['1,249.00', undefined, undefined, undefined],
    ['EUR 1.249,00', 'USD', 'USD', 'EUR'],
    ['₫1.249.000', undefined, undefined, 'VND'],
  ])('"%s" on a site in %s, a shop in %s: %s', (text, site, shop, currency) => {
    expect(currencyOfAmount(text, site, shop)).toBe(currency);
  });
});
