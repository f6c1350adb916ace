// Product categories: an order item's category comes from the export's own column when it has one,
// else from the owner's rules (SKU prefixes, words in the title); and a member's record of when
// they last ordered in each category. Lapse by category is category-lapse.ts, the shop's repeat
// intervals per category category-figures.ts. Pure.
import { z } from 'zod';
import { isCountedOrder } from './stats';
import type { OrderStatus } from './types';

/** Orders and items with no category are this key wherever categories are counted. */
export const UNCATEGORISED = '';

const phrase = z.string().trim().min(1).max(60);

export const categoryRuleSchema = z.object({
  category: z.string().trim().min(1).max(60),
  /** Any of these SKU prefixes (case-insensitive). */
  skuPrefixes: z.array(phrase).max(50),
  /** Any of these words or phrases in the title (case-insensitive; whole words in Latin script). */
  titleWords: z.array(phrase).max(50),
});
export type CategoryRule = z.infer<typeof categoryRuleSchema>;
export const categoryRulesSchema = z.array(categoryRuleSchema).max(100);

/** A category's own thresholds, set by the owner (suggested from the shop's intervals). */
export const categoryCycleSchema = z.object({
  /** A buyer of this category has lapsed this many calendar days after their last order in it. */
  lapseDays: z.number().int().min(1).max(3650),
  /** The typical time to the next order in it: when a one-time buyer gets the second-purchase push. */
  cycleDays: z.number().int().min(1).max(3650),
});
export type CategoryCycle = z.infer<typeof categoryCycleSchema>;
export const categoryCyclesSchema = z.record(z.string().trim().min(1).max(60), categoryCycleSchema);
export type CategoryCycles = z.infer<typeof categoryCyclesSchema>;

export interface CategorisedItem {
  title: string;
  sku?: string | undefined;
  category?: string | undefined;
  /** 'export': the file said so, and rules never change it; 'rule': a rule matched. */
  categorySource?: 'export' | 'rule' | undefined;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();
const LATIN_WORD = /^[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N} '&.-]*$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A title test for a rule's word: a Latin-script word matches as a whole word (plural -s/-es too),
 * so "tea" finds "Green Tea 100g" and "teas" but not "steak"; any other script (Chinese, Thai…)
 * has no spaces between words, so it matches anywhere: "茶" finds "西湖龙井茶叶".
 */
function titleTest(word: string): (title: string) => boolean {
  const w = fold(word);
  if (!LATIN_WORD.test(w)) return (title) => title.includes(w);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'u');
  return (title) => re.test(title);
}

export type CategoryMatcher = (item: { title: string; sku?: string | undefined }) => string | undefined;

/** The rules as one function: the first rule (in the owner's order) with a matching SKU prefix or title word wins. */
export function categoryMatcher(rules: readonly CategoryRule[]): CategoryMatcher {
  const compiled = rules.map(
    (r) => ({ category: r.category.trim(), skus: r.skuPrefixes.map(fold).filter(Boolean), titles: r.titleWords.filter((w) => fold(w)).map(titleTest) }),
  );
  return (item) => {
    const sku = item.sku ? fold(item.sku) : '';
    const title = fold(item.title);
    for (const r of compiled) {
      if (sku && r.skus.some((p) => sku.startsWith(p))) return r.category;
      if (r.titles.some((test) => test(title))) return r.category;
    }
    return undefined;
  };
}

/**
 * Items with their category: the export's own stays; every other item is (re)categorised by the
 * rules, so changing the rules and applying them again changes only rule-made categories. Returns
 * the same array when nothing changed.
 */
export function categoriseItems<I extends CategorisedItem>(items: readonly I[], match: CategoryMatcher): readonly I[] {
  let out: I[] | undefined;
  items.forEach((item, i) => {
    if (item.categorySource === 'export' && item.category) return;
    const category = match(item);
    const next = category ? { ...item, category, categorySource: 'rule' as const } : withoutCategory(item);
    if (next.category === item.category && next.categorySource === item.categorySource) return;
    out ??= items.slice();
    out[i] = next;
  });
  return out ?? items;
}

function withoutCategory<I extends CategorisedItem>(item: I): I {
  if (item.category === undefined && item.categorySource === undefined) return item;
  const { category: _c, categorySource: _s, ...rest } = item;
  return rest as I;
}

/** The categories of an order's items, UNCATEGORISED for an item without one (and for an order without items). */
export function orderCategories(items: readonly { category?: string | undefined }[] = []): string[] {
  if (items.length === 0) return [UNCATEGORISED];
  const out = new Set<string>();
  for (const item of items) out.add(item.category || UNCATEGORISED);
  return [...out];
}

export interface CategoryOrder {
  status: OrderStatus;
  placedAt: number;
  items?: readonly { category?: string | undefined }[] | undefined;
}

/** When the member last ordered in each category they bought (counted orders only). Undefined when no order counts. */
export function categoryLastOrders(orders: readonly CategoryOrder[]): Record<string, number> | undefined {
  let out: Record<string, number> | undefined;
  for (const o of orders) {
    if (!isCountedOrder({ status: o.status, placedAt: o.placedAt, amountMinor: 0, currency: 'XXX' })) continue;
    out ??= {};
    for (const c of orderCategories(o.items)) if ((out[c] ?? -Infinity) < o.placedAt) out[c] = o.placedAt;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The member's per-category record as stored

/**
 * The stored form of a member's per-category last orders: undefined when every counted order is
 * uncategorised, where the member's last order says the same (memberLapse reads it so). Most
 * members of a shop without categories then carry nothing extra.
 */
export function compactCategoryLast(record: Record<string, number> | undefined): Record<string, number> | undefined {
  if (!record) return undefined;
  const keys = Object.keys(record);
  return keys.length === 0 || (keys.length === 1 && keys[0] === UNCATEGORISED) ? undefined : record;
}

const counted = (o: CategoryOrder) => isCountedOrder({ status: o.status, placedAt: o.placedAt, amountMinor: 0, currency: 'XXX' });
const sameCategories = (a: CategoryOrder, b: CategoryOrder) => orderCategories(a.items).sort().join('\u0000') === orderCategories(b.items).sort().join('\u0000');

/**
 * The record after these order changes, from the record alone when that is exact: orders added or
 * moving forward in status keep every earlier "last order" where it was. Null means "read the
 * member's orders again" (an order stopped counting, moved in time or changed categories).
 */
export function categoryLastAfter(
  old: { categoryLastAt?: Readonly<Record<string, number>> | undefined; lastOrderAt?: number | undefined },
  changes: readonly { before?: CategoryOrder | undefined; after: CategoryOrder }[],
): Record<string, number> | undefined | null {
  let record: Record<string, number> | undefined = old.categoryLastAt
    ? { ...old.categoryLastAt }
    : old.lastOrderAt !== undefined ? { [UNCATEGORISED]: old.lastOrderAt } : undefined;
  for (const { before, after } of changes) {
    if (before && counted(before) && (!counted(after) || before.placedAt !== after.placedAt || !sameCategories(before, after))) return null;
    if (!counted(after)) continue;
    record ??= {};
    for (const c of orderCategories(after.items)) if ((record[c] ?? -Infinity) < after.placedAt) record[c] = after.placedAt;
  }
  return compactCategoryLast(record);
}
