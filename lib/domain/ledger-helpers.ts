// Small pieces of the order ledger (order-ledger.ts): the kinds of items it keeps, and a sort of
// part of a typed array in place. Pure.
import type { ReportOrder } from './reports';

/** Only what the report reads of an order's items: its distinct categories ('' for an item without one). */
export function itemsKey(items: ReportOrder['items']): string {
  if (!items) return 'null';
  return JSON.stringify([...new Set(items.map((i) => i.category ?? ''))]);
}
// Orders share the few kinds of items a shop has: one array per kind, never changed.
const kinds = new Map<string, ReportOrder['items']>();
export function itemsOfKey(key: string): ReportOrder['items'] {
  if (kinds.has(key)) return kinds.get(key);
  const items = (JSON.parse(key) as string[] | null)?.map((c) => (c ? { category: c } : {}));
  if (kinds.size < 10_000) kinds.set(key, items);
  return items;
}

/**
 * Sorts `n` items of `a` from `from` in place: a few by insertion (a member's orders, mostly one to
 * three), more through a view of them (a view per call was 15 MB of garbage over 273k members).
 */
export function sortRange(a: Uint32Array, from: number, n: number, compare: (x: number, y: number) => number): void {
  if (n > 16) {
    a.subarray(from, from + n).sort(compare);
    return;
  }
  for (let k = from + 1; k < from + n; k++) {
    const item = a[k]!;
    let j = k;
    for (; j > from && compare(a[j - 1]!, item) > 0; j--) a[j] = a[j - 1]!;
    a[j] = item;
  }
}
