// Product categories: an order item's category comes from the export's own column when it has one,
// else from the owner's rules (SKU prefixes, words in the title). Lapse and the repurchase cycle
// are then per category: a tea buyer is due back in weeks, a kettle buyer in years. Pure.
import { z } from 'zod';
import { isCountedOrder } from './stats';
import { intervalHistogram, percentile, suggestLapseDays, type HistogramBin, type LapseSuggestion } from './suggest';
import { calendarDaysBetween, localDayNumber } from './time';
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
  const compiled = rules.map((r) => ({ category: r.category.trim(), skus: r.skuPrefixes.map(fold).filter(Boolean), titles: r.titleWords.filter((w) => fold(w)).map(titleTest) }));
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
// Lapse by the categories a member buys

/** A category's lapse threshold: its own when the owner set one, else the shop's. */
export function lapseDaysOf(category: string, cycles: CategoryCycles, shopLapseDays: number): number {
  return (category !== UNCATEGORISED && cycles[category]?.lapseDays) || shopLapseDays;
}

export interface CategoryLapse {
  category: string;
  lapseDays: number;
  daysSince: number;
  lapsed: boolean;
}

export type MemberLapse =
  | { state: 'none'; categories: CategoryLapse[] }
  | { state: 'active'; daysLeft: number; categories: CategoryLapse[] }
  | { state: 'lapsed'; daysSince: number; categories: CategoryLapse[] };

/**
 * The rule: a member has lapsed when EVERY category they buy is past its own threshold (calendar
 * days in the shop's zone since their last order in it; the boundary day is lapsed, as in
 * lapse.ts). A member still inside the cycle of any one category is active, with the days left of
 * the category that keeps them so longest. Orders without a category use the shop's threshold. A
 * member with no per-category record is judged by their last order alone.
 */
export function memberLapse(
  member: { lastOrderAt?: number | undefined; categoryLastAt?: Readonly<Record<string, number>> | undefined },
  cycles: CategoryCycles,
  shopLapseDays: number,
  now: number,
  timeZone: string,
): MemberLapse {
  const last = member.categoryLastAt && Object.keys(member.categoryLastAt).length ? member.categoryLastAt : member.lastOrderAt !== undefined ? { [UNCATEGORISED]: member.lastOrderAt } : undefined;
  if (!last) return { state: 'none', categories: [] };
  const categories: CategoryLapse[] = Object.entries(last)
    .map(([category, at]) => {
      const lapseDays = lapseDaysOf(category, cycles, shopLapseDays);
      const daysSince = Math.max(0, calendarDaysBetween(at, now, timeZone));
      return { category, lapseDays, daysSince, lapsed: daysSince >= lapseDays };
    })
    .sort((a, b) => a.lapseDays - a.daysSince - (b.lapseDays - b.daysSince));
  const active = categories.filter((c) => !c.lapsed);
  if (active.length) return { state: 'active', daysLeft: Math.max(...active.map((c) => c.lapseDays - c.daysSince)), categories };
  return { state: 'lapsed', daysSince: Math.min(...categories.map((c) => c.daysSince)), categories };
}

/**
 * The local day (days since 1970-01-01 in the shop's zone) on which the member lapses under the
 * rule above: the latest of each category's last order day plus its threshold. Undefined without orders.
 */
export function lapseDayOf(
  member: { lastOrderAt?: number | undefined; categoryLastAt?: Readonly<Record<string, number>> | undefined },
  cycles: CategoryCycles,
  shopLapseDays: number,
  timeZone: string,
): number | undefined {
  const last = member.categoryLastAt && Object.keys(member.categoryLastAt).length ? member.categoryLastAt : member.lastOrderAt !== undefined ? { [UNCATEGORISED]: member.lastOrderAt } : undefined;
  if (!last) return undefined;
  let day = -Infinity;
  for (const [category, at] of Object.entries(last)) day = Math.max(day, localDayNumber(at, timeZone) + lapseDaysOf(category, cycles, shopLapseDays));
  return day;
}

/**
 * Days after a one-time buyer's first order that the second-purchase push is due: the shortest
 * repurchase cycle among the categories of that order (the one they are due back for first);
 * `fallbackDays` (the rule's own setting) for uncategorised orders and categories without a cycle.
 */
export function secondPurchaseDays(categoryLastAt: Readonly<Record<string, number>> | undefined, cycles: CategoryCycles, fallbackDays: number): number {
  let best: number | undefined;
  for (const category of Object.keys(categoryLastAt ?? {})) {
    const days = category === UNCATEGORISED ? undefined : cycles[category]?.cycleDays;
    if (days !== undefined) best = best === undefined ? days : Math.min(best, days);
  }
  return best ?? fallbackDays;
}

// ---------------------------------------------------------------------------------------------
// The shop's repeat intervals per category: suggestions and the report's breakdown

export interface CategoryIntervalOrder extends CategoryOrder {
  memberId: string;
}

export interface CategoryFigures {
  category: string;
  /** Members with a counted order in the category. */
  buyers: number;
  /** Of those, members who ordered in it on two or more different days. */
  repeatBuyers: number;
  repeatRate: number;
  /** Days from a member's order in the category to their next order in it, ascending (same day left out). */
  intervals: number[];
  medianDays: number | undefined;
  bins: HistogramBin[];
  /** Undefined below MIN_INTERVALS_FOR_SUGGESTION repeat purchases. */
  lapse: LapseSuggestion | undefined;
  /** The suggested repurchase cycle: the median interval (half the returns come sooner), when a lapse threshold is suggested too. */
  cycleDays: number | undefined;
}

/**
 * Per category: buyers, repeat buyers, and the intervals between a member's orders in that
 * category, with the lapse threshold (80% of repeat purchases within it: suggest.ts) and the
 * repurchase cycle (the median) suggested from them. Orders must be grouped by member (any order
 * inside a member). Largest categories first, uncategorised last.
 */
export function categoryFigures(orders: readonly CategoryIntervalOrder[], timeZone: string): CategoryFigures[] {
  const byMember = new Map<string, CategoryIntervalOrder[]>();
  for (const o of orders) {
    if (!isCountedOrder({ status: o.status, placedAt: o.placedAt, amountMinor: 0, currency: 'XXX' })) continue;
    const list = byMember.get(o.memberId);
    if (list) list.push(o);
    else byMember.set(o.memberId, [o]);
  }
  const acc = new Map<string, { buyers: number; repeat: number; intervals: number[] }>();
  const of = (c: string) => acc.get(c) ?? acc.set(c, { buyers: 0, repeat: 0, intervals: [] }).get(c)!;
  for (const list of byMember.values()) {
    list.sort((a, b) => a.placedAt - b.placedAt);
    const days = new Map<string, number[]>();
    for (const o of list) {
      const day = localDayNumber(o.placedAt, timeZone);
      for (const c of orderCategories(o.items)) {
        const seen = days.get(c);
        if (!seen) days.set(c, [day]);
        else if (seen[seen.length - 1] !== day) seen.push(day);
      }
    }
    for (const [c, seen] of days) {
      const a = of(c);
      a.buyers++;
      if (seen.length >= 2) a.repeat++;
      for (let i = 1; i < seen.length; i++) a.intervals.push(seen[i]! - seen[i - 1]!);
    }
  }
  return [...acc]
    .map(([category, a]) => {
      const sorted = a.intervals.sort((x, y) => x - y);
      const median = percentile(sorted, 0.5);
      const lapse = suggestLapseDays(sorted);
      return {
        category,
        buyers: a.buyers,
        repeatBuyers: a.repeat,
        repeatRate: a.buyers ? a.repeat / a.buyers : 0,
        intervals: sorted,
        medianDays: median,
        bins: intervalHistogram(sorted),
        lapse,
        cycleDays: lapse && median !== undefined ? Math.max(1, median) : undefined,
      };
    })
    .sort((a, b) => Number(a.category === UNCATEGORISED) - Number(b.category === UNCATEGORISED) || b.buyers - a.buyers || a.category.localeCompare(b.category));
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
  let record: Record<string, number> | undefined = old.categoryLastAt ? { ...old.categoryLastAt } : old.lastOrderAt !== undefined ? { [UNCATEGORISED]: old.lastOrderAt } : undefined;
  for (const { before, after } of changes) {
    if (before && counted(before) && (!counted(after) || before.placedAt !== after.placedAt || !sameCategories(before, after))) return null;
    if (!counted(after)) continue;
    record ??= {};
    for (const c of orderCategories(after.items)) if ((record[c] ?? -Infinity) < after.placedAt) record[c] = after.placedAt;
  }
  return compactCategoryLast(record);
}
