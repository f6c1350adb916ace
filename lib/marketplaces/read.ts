// Small pure readers the marketplace adapters share: text, first match, a value beside its label,
// a status from the site's words, a currency the page spells out. No site knowledge lives here.
import type { OrderStatus } from '../domain/types';

/** An element's text with runs of white space collapsed; '' for none. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * An element's text with a space between elements, for pages whose labelled fields run together in
 * textContent ("订单编号:123复制成交时间:…"). Scripts and styles are skipped.
 */
export function spacedText(el: Node | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !/^(SCRIPT|STYLE|TEMPLATE)$/.test((child as Element).tagName)) walk(child);
    }
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The first element matched by the first selector that matches anything (selectors most stable first). */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return undefined;
}

/** The first non-empty text among the selectors, in order. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const text = textOf(el);
      if (text) return text;
    }
  }
  return undefined;
}

/** The first value among the URL's query parameters, in order of preference. */
export function paramOf(url: URL, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = url.searchParams.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

const LABEL_LEAVES = 'dt, th, td, label, span, div, p, strong, b, h3, h4, li';

/**
 * The value a page prints beside a label, for back offices whose only stable hook is the label's
 * wording: "Label: value" in one element, or the label element followed by its value (the next
 * sibling, or the next sibling of the label's parent). Labels compare case-insensitively, whole,
 * and are tried in the order given.
 */
export function labelledValue(root: ParentNode, labels: readonly string[]): string | undefined {
  const leaves = Array.from(root.querySelectorAll(LABEL_LEAVES)).filter((el) => el.children.length === 0);
  // Labels in order of preference: "Order Total" before a bare "Total".
  for (const wanted of labels.map((l) => l.toLowerCase())) {
    for (const el of leaves) {
      const text = textOf(el);
      const inline = /^(.+?)\s*[:：]\s*(.*)$/.exec(text);
      if ((inline?.[1] ?? text).toLowerCase() !== wanted) continue;
      if (inline?.[2]) return inline[2];
      const value = textOf(el.nextElementSibling) || textOf(el.parentElement?.nextElementSibling);
      if (value) return value;
    }
  }
  return undefined;
}

export type StatusWords = readonly (readonly [RegExp, OrderStatus])[];

/** Our status for the site's status text: the first pattern that matches, in table order. */
export function statusFrom(text: string | undefined, words: StatusWords): OrderStatus | undefined {
  if (!text) return undefined;
  for (const [pattern, status] of words) if (pattern.test(text)) return status;
  return undefined;
}

// Only marks that name one currency; a bare "$" or "¥" names several and is left to the caller.
const CURRENCY_MARKS: readonly (readonly [RegExp, string])[] = [
  [/(?<![A-Z])(USD|EUR|GBP|CAD|AUD|JPY|CNY|RMB|MYR|SGD|THB|PHP|VND|IDR|TWD|HKD|BRL|MXN|CHF|PLN|SEK|NOK|DKK|NZD|INR|KRW|UAH|TRY|ZAR)(?![A-Z])/, ''],
  [/(?<![A-Za-z])US\s?\$/, 'USD'],
  [/(?<![A-Za-z])(C|CA)\s?\$/, 'CAD'],
  [/(?<![A-Za-z])(AU|A)\s?\$/, 'AUD'],
  [/(?<![A-Za-z])NT\$/, 'TWD'],
  [/(?<![A-Za-z])S\$/, 'SGD'],
  [/(?<![A-Za-z])HK\$/, 'HKD'],
  [/(?<![A-Za-z])(MX|Mex)\$/, 'MXN'],
  [/(?<![A-Za-z])NZ\$/, 'NZD'],
  [/(?<![A-Za-z])R\$/, 'BRL'],
  [/(?<![A-Za-z])RM(?![A-Za-z])/, 'MYR'],
  [/(?<![A-Za-z])Rp(?![A-Za-z])/, 'IDR'],
  [/₱/, 'PHP'],
  [/฿/, 'THB'],
  [/₫/, 'VND'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₴/, 'UAH'],
  [/₩/, 'KRW'],
  [/₹/, 'INR'],
  [/₺/, 'TRY'],
  [/zł/, 'PLN'],
];

/** The ISO 4217 code an amount's text spells out ("RM 12.90" → MYR, "US $24.32" → USD), if any. */
export function currencyShown(amountText: string | undefined): string | undefined {
  if (!amountText) return undefined;
  for (const [pattern, code] of CURRENCY_MARKS) {
    const match = pattern.exec(amountText);
    if (match) return code || (match[1] === 'RMB' ? 'CNY' : match[1]);
  }
  return undefined;
}
