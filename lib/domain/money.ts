// Money is integer minor units of an ISO 4217 currency; Intl (ICU's currency data) says how many
// minor digits a currency has: JPY 0, USD 2, KWD 3.

const digitsCache = new Map<string, number>();
const formatCache = new Map<string, Intl.NumberFormat>();

/** Minor digits of a currency; 2 for a code Intl rejects, so display never throws. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** An amount for people to read, in their locale: formatMoney(123450, 'USD', 'en-US') = "$1,234.50". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const amount = minor / 10 ** digits;
  const key = `${locale}\u0000${currency}`;
  let format = formatCache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      // A bad locale or currency code from a site or an import still shows the number.
      return `${amount.toFixed(digits)} ${currency}`;
    }
    formatCache.set(key, format);
  }
  return format.format(amount);
}

// Digits with separators inside (",", ".", spaces, apostrophes), starting and ending with a digit;
// anything around them must be a currency symbol or code, a sign or accounting parentheses.
const AMOUNT = /^(?<before>[^\d]*?)(?<number>\d(?:[\d.,'’ \u00a0\u202f]*\d)?)(?<after>[^\d]*)$/u;
const AFFIX = /^[\p{L}\p{Sc}\s./+\-()]*$/u;
const GROUP_SPACE = /['’ \u00a0\u202f]/g;

/**
 * Reads an amount typed or scraped from a page ("1,234.50", "1.234,50", "¥1,234", "RM 12.90", "-3.00")
 * into minor units of `currency`; undefined for anything that is not one amount (never NaN).
 *
 * The decimal separator is the last of "." and "," when both appear. When only one kind appears
 * once and exactly three digits follow it, it groups thousands ("1,234" and "1.234" are 1234)
 * unless the currency has three minor digits (KWD "1.234" is 1.234). More fraction digits than the
 * currency has are rounded half away from zero.
 */
export function parseAmountToMinor(text: string, currency: string): number | undefined {
  const match = AMOUNT.exec(text.normalize('NFKC').replace(/\u2212/g, '-').trim());
  const { before = '', number = '', after = '' } = match?.groups ?? {};
  if (match === null || !AFFIX.test(before) || !AFFIX.test(after)) return undefined;
  // ".50" or ",50": a separator right before the digits, not part of a symbol such as "Rs."
  if (/(^|[^\p{L}])[.,]$/u.test(before)) return undefined;

  const minus = (before + after).split('-').length - 1;
  const parens = before.includes('(') || after.includes(')');
  if (minus > 1 || (parens && !(before.includes('(') && after.includes(')')))) return undefined;
  const negative = minus === 1 || parens;

  const digits = minorDigits(currency);
  // Spaces and apostrophes only ever group digits ("1 234,50", "1'234.50"): mark them as "_".
  const split = splitNumber(number.replace(GROUP_SPACE, '_'), digits);
  if (split === undefined) return undefined;

  const { whole, fraction } = split;
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const roundUp = (fraction[digits] ?? '0') >= '5';
  const minor = Number(whole + kept) + (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(minor)) return undefined;
  return negative && minor !== 0 ? -minor : minor;
}

/** Whole and fraction digits of a number whose space and apostrophe separators became "_". */
function splitNumber(number: string, minorDigitCount: number): { whole: string; fraction: string } | undefined {
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  let decimal: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const at = Math.max(lastDot, lastComma);
    const once = number.indexOf(sep) === at;
    const threeAfter = number.length - at - 1 === 3;
    if (once && !(threeAfter && minorDigitCount < 3)) decimal = sep;
  }

  const decimalAt = decimal === undefined ? -1 : number.lastIndexOf(decimal);
  const wholePart = decimalAt < 0 ? number : number.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : number.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction)) return undefined; // e.g. "1.234.5": a separator after the decimal one

  const groups = wholePart.split(/[.,_]/);
  if (groups.length > 1) {
    // One kind of group separator, as in 1,234,567 or the Indian 12,34,567.
    const separators = new Set(wholePart.replace(/\d/g, ''));
    if (separators.size > 1) return undefined;
    const [first = '', ...rest] = groups;
    const last = rest.pop() ?? '';
    if (first.length < 1 || first.length > 3 || last.length !== 3) return undefined;
    if (rest.some((g) => g.length !== 2 && g.length !== 3)) return undefined;
  }
  return { whole: groups.join(''), fraction };
}
