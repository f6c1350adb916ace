import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseAmountToMinor } from './money';

// Intl output uses non-breaking spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('minorDigits', () => {
  it.each([
    ['yen has no minor unit', 'JPY', 0],
    ['dollars have cents', 'USD', 2],
    ['ringgit have sen', 'MYR', 2],
    ['Kuwaiti dinar have three minor digits', 'KWD', 3],
    ['the code is read case-insensitively', 'usd', 2],
    ['a code Intl rejects falls back to 2', 'not-a-code', 2],
  ])('%s', (_rule, currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });
});

describe('formatMoney', () => {
  it.each([
    ['cents become dollars with two decimals', 123450, 'USD', 'en-US', '$1,234.50'],
    ['yen are shown whole', 1234, 'JPY', 'ja-JP', '￥1,234'],
    ['dinar keep three decimals', 1234, 'KWD', 'en-US', 'KWD 1.234'],
    ['the locale decides separators', 123450, 'EUR', 'de-DE', '1.234,50 €'],
    ['negative amounts keep their sign', -300, 'USD', 'en-US', '-$3.00'],
    ['whole amounts still show the minor digits', 1200, 'USD', 'en-US', '$12.00'],
    ['a bad currency code still shows the number', 1200, 'not-a-code', 'en-US', '12.00 not-a-code'],
  ])('%s', (_rule, minor, currency, locale, text) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(text);
  });
});

describe('parseAmountToMinor', () => {
  it.each([
    ['a plain whole number', '12', 'USD', 1200],
    ['US grouping with a decimal point', '1,234.50', 'USD', 123450],
    ['European grouping with a decimal comma', '1.234,50', 'EUR', 123450],
    ['a yen amount with its symbol', '¥1,234', 'JPY', 1234],
    ['a full-width yen amount', '￥１，２３４', 'JPY', 1234],
    ['a currency code with a space before the amount', 'RM 12.90', 'MYR', 1290],
    ['a currency code after the amount', '12.90 USD', 'USD', 1290],
    ['a leading minus', '-3.00', 'USD', -300],
    ['a minus before the symbol', '-$3.00', 'USD', -300],
    ['a unicode minus sign', '−3.00', 'USD', -300],
    ['accounting parentheses mean negative', '($3.00)', 'USD', -300],
    ['a decimal comma without grouping', '12,90', 'EUR', 1290],
    ['a single decimal digit', '12.5', 'USD', 1250],
    ['one comma before three digits groups thousands', '1,234', 'USD', 123400],
    ['one dot before three digits groups thousands in a two-digit currency', '1.234', 'EUR', 123400],
    ['one dot before three digits is the decimal point in a three-digit currency', '1.234', 'KWD', 1234],
    ['French spaces group thousands', '1 234,50 €', 'EUR', 123450],
    ['Swiss apostrophes group thousands', "CHF 1'234.50", 'CHF', 123450],
    ['Indian lakh grouping', '₹12,34,567.00', 'INR', 123456700],
    ['surrounding whitespace is ignored', '  $ 5  ', 'USD', 500],
    ['extra fraction digits round half away from zero', '1,012.345', 'USD', 101235],
    ['extra fraction digits below a half round down', '1,012.344', 'USD', 101234],
    ['a negative amount rounds away from zero too', '-1,012.345', 'USD', -101235],
    ['four fraction digits are read as decimals', '12.3456', 'USD', 1235],
    ['zero fraction digits from exports are accepted', '12.3400', 'USD', 1234],
    ['a symbol ending in a dot is not a decimal point', 'Rs.100', 'INR', 10000],
    ['a yen amount with decimals is rounded to whole yen', '¥1,234.5', 'JPY', 1235],
    ['minus zero is zero', '-0.00', 'USD', 0],
  ])('reads %s', (_rule, text, currency, minor) => {
    expect(parseAmountToMinor(text, currency)).toBe(minor);
  });

  it.each([
    ['an empty string', ''],
    ['only a symbol', '$'],
    ['words', 'free'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['two numbers', '12 and 13'],
    ['letters inside the digits', '1O0'],
    ['exponent notation', '1e5'],
    ['a percentage', '12%'],
    ['two minus signs', '--3'],
    ['a lone leading decimal point', '.50'],
    ['thousands groups of the wrong size', '12,34,5.00'],
    ['a space group that is not three digits', '12 90'],
    ['mixed group separators', '1,234.567.890,00'],
    ['an unbalanced parenthesis', '(3.00'],
    ['a number too large to be exact', '99999999999999999999'],
  ])('rejects %s', (_rule, text) => {
    expect(parseAmountToMinor(text, 'USD')).toBeUndefined();
  });
});
