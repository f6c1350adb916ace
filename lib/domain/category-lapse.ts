// Lapse and the repurchase cycle per category: a tea buyer is due back in weeks, a kettle buyer in
// years. A member is lapsing by the categories they buy. Pure.
import { UNCATEGORISED, type CategoryCycles } from './categories';
import { calendarDaysBetween, localDayNumber } from './time';

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
  const last = member.categoryLastAt && Object.keys(member.categoryLastAt).length
    ? member.categoryLastAt
    : member.lastOrderAt !== undefined ? { [UNCATEGORISED]: member.lastOrderAt } : undefined;
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
  const last = member.categoryLastAt && Object.keys(member.categoryLastAt).length
    ? member.categoryLastAt
    : member.lastOrderAt !== undefined ? { [UNCATEGORISED]: member.lastOrderAt } : undefined;
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
