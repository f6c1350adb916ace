import { calendarDaysBetween } from './time';

/** Fast-fashion default; PRODUCT.md wants it derived from the shop's own repurchase intervals later. */
export const DEFAULT_LAPSE_DAYS = 90;

export type LapseStatus =
  | { state: 'none' }
  | { state: 'active'; daysLeft: number }
  | { state: 'lapsed'; daysSince: number };

/**
 * Whether a member has lapsed, in calendar days of the shop's zone. The boundary day is lapsed: a
 * member whose last order was exactly `lapseDays` calendar days ago has lapsed today, so an active
 * member always has `daysLeft` >= 1. No counted order yet means 'none'. A last order dated after
 * `now` (clock skew between sources) counts as today.
 */
export function lapseStatus(lastOrderAt: number | undefined, lapseDays: number, now: number, timeZone: string): LapseStatus {
  if (lastOrderAt === undefined) return { state: 'none' };
  const since = Math.max(0, calendarDaysBetween(lastOrderAt, now, timeZone));
  if (since >= lapseDays) return { state: 'lapsed', daysSince: since };
  return { state: 'active', daysLeft: lapseDays - since };
}
