// The shop's repeat intervals per category: the lapse threshold and cycle suggested for each, and the
// reports' breakdown of repeat purchase by category. Pure.
import { orderCategories, UNCATEGORISED, type CategoryOrder } from './categories';
import { isCountedOrder } from './stats';
import { intervalHistogram, percentile, suggestLapseDays, type HistogramBin, type LapseSuggestion } from './suggest';
import { localDayNumber } from './time';

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
    const list = byMember.get(o.memberId);
    if (list) list.push(o);
    else byMember.set(o.memberId, [o]);
  }
  const figures = categoryFiguresByMember(timeZone);
  for (const list of byMember.values()) figures.add(list);
  return figures.finish();
}

/**
 * categoryFigures fed one member's orders at a time (each member once), so every order of the
 * shop need never be held at once (store/member-orders.ts reads them a page at a time).
 */
export function categoryFiguresByMember(timeZone: string) {
  const acc = new Map<string, { buyers: number; repeat: number; intervals: number[] }>();
  const of = (c: string) => acc.get(c) ?? acc.set(c, { buyers: 0, repeat: 0, intervals: [] }).get(c)!;
  return {
    /** One member's orders, in any order. */
    add(orders: readonly CategoryOrder[]): void {
      const list = orders.filter((o) => isCountedOrder({ status: o.status, placedAt: o.placedAt, amountMinor: 0, currency: 'XXX' }));
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
    },
    finish(): CategoryFigures[] {
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
        .sort(
          (a, b) => Number(a.category === UNCATEGORISED) - Number(b.category === UNCATEGORISED) || b.buyers - a.buyers || a.category.localeCompare(b.category),
        );
    },
  };
}
