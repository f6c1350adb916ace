// Amounts as order pages print them ("1.249,00 €", "$1,249.00", "¥1,249", "Rp 1.249.000", "₫1.249.000")
// read into integer minor units of the currency the page means. Pure.
import { parseAmountToMinor } from '../../domain/money';
import { currencyShown } from '../read';

export interface AmountStyle {
  /** The page's decimal mark; absent: the last of "." and "," when both appear, else a lone separator followed by three digits groups thousands. */
  decimal?: '.' | ',' | undefined;
  /** The currency the site sells in (Shopee Singapore: SGD); names a bare "$" or an amount with no mark. */
  currency?: string | undefined;
}

// Marks several currencies share: which one the page means comes from the site, else the shop.
const SHARED_MARKS = /[$¥]|(?<![a-z])(kr|Fr|元)(?![a-z])/i;

const symbols = new Map<string, string>();
/** The narrow symbol a currency is written with in English ("$" for SGD, "¥" for CNY and JPY). */
function narrowSymbol(currency: string): string {
  let symbol = symbols.get(currency);
  if (symbol === undefined) {
    try {
      const parts = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(1);
      symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
    } catch {
      symbol = currency;
    }
    symbols.set(currency, symbol);
  }
  return symbol;
}

function writtenWith(currency: string, mark: string): boolean {
  if (mark === '元') return currency === 'CNY' || currency === 'TWD';
  return narrowSymbol(currency).toLowerCase() === mark.toLowerCase();
}

/**
 * The currency an amount is in: a code or a mark only one currency uses ("RM", "€", "US$", "EUR");
 * a shared mark ("$", "¥", "kr") means the site's currency, else the shop's, when that currency is
 * written with it; no mark at all means the site's, else the shop's. Undefined when nothing says: the
 * agent is asked, never a default.
 */
export function currencyOfAmount(text: string, siteCurrency: string | undefined, shopCurrency: string | undefined): string | undefined {
  const normal = text.normalize('NFKC');
  const shown = currencyShown(normal);
  if (shown) return shown;
  const shared = SHARED_MARKS.exec(normal)?.[0];
  const candidates = [siteCurrency, shopCurrency].filter((c): c is string => Boolean(c));
  if (shared) return candidates.find((c) => writtenWith(c, shared));
  return candidates[0];
}

/** The amount in minor units of `currency`, read with the page's decimal mark; undefined when it isn't one amount. */
export function amountOnPage(text: string, currency: string, decimal: AmountStyle['decimal']): number | undefined {
  let normal = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (decimal) {
    const group = decimal === ',' ? '.' : ',';
    const body = /\d[\d.,'’ \u00a0\u202f]*\d|\d/.exec(normal)?.[0];
    if (!body) return undefined;
    const parts = body.split(decimal);
    if (parts.length > 2) return undefined;
    const whole = parts[0]!.split(group).join('').replace(/['’ \u00a0\u202f]/g, '');
    if (!/^\d+$/.test(whole) || (parts[1] !== undefined && !/^\d+$/.test(parts[1]))) return undefined;
    // A trailing zero keeps "1.249" (declared decimal ".") from reading as a thousands group.
    const fraction = parts[1] === undefined ? '' : `.${parts[1]}${parts[1].length === 3 ? '0' : ''}`;
    normal = normal.replace(body, whole + fraction);
  }
  return parseAmountToMinor(normal, currency);
}
