// What followed a touch: members won back (lapsed, touched by a win-back, then ordered) and, per
// reason, how many touches were followed by an order within N days. Pure: the caller reads the
// contact log and the touched members' orders and passes them in.
import { JOURNEY_KINDS } from './journeys/types';
import { isCountedOrder } from './stats';
import { DAY_MS } from './time';
import type { OrderStatus } from './types';

export interface Touch {
  memberId: string;
  /** The contact log's reason: a journey kind, or a manual reminder's own words. */
  reason: string;
  at: number;
}

export interface OutcomeOrder {
  memberId: string;
  placedAt: number;
  status: OrderStatus;
  amountMinor: number;
  currency: string;
}

export interface ReasonOutcome {
  /** A journey kind, or 'manual' for every reminder written by hand. */
  reason: string;
  touches: number;
  /** Touches followed by a counted order of the member within `withinDays`. */
  ordered: number;
}

export interface TouchOutcomes {
  withinDays: number;
  /** Members touched by a win-back (so lapsed when touched). */
  winBackTouched: number;
  /** Of those, members with a counted order after their first win-back touch. */
  wonBack: number;
  /** Most touches first. */
  byReason: ReasonOutcome[];
}

const reasonOf = (reason: string) => ((JOURNEY_KINDS as readonly string[]).includes(reason) ? reason : 'manual');

/** Binary search: the first index whose value is greater than `t`. */
function firstAfter(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function touchOutcomes(touches: readonly Touch[], orders: readonly OutcomeOrder[], withinDays: number): TouchOutcomes {
  const placed = new Map<string, number[]>();
  for (const o of orders) {
    if (!isCountedOrder(o)) continue;
    const list = placed.get(o.memberId);
    if (list) list.push(o.placedAt);
    else placed.set(o.memberId, [o.placedAt]);
  }
  for (const list of placed.values()) list.sort((a, b) => a - b);
  const orderedAfter = (memberId: string, at: number, until = Infinity) => {
    const list = placed.get(memberId);
    if (!list) return false;
    const i = firstAfter(list, at);
    return i < list.length && list[i]! <= until;
  };

  const byReason = new Map<string, ReasonOutcome>();
  const firstWinBack = new Map<string, number>();
  for (const touch of touches) {
    const reason = reasonOf(touch.reason);
    const row = byReason.get(reason) ?? { reason, touches: 0, ordered: 0 };
    row.touches++;
    if (orderedAfter(touch.memberId, touch.at, touch.at + withinDays * DAY_MS)) row.ordered++;
    byReason.set(reason, row);
    if (reason === 'winBack') firstWinBack.set(touch.memberId, Math.min(firstWinBack.get(touch.memberId) ?? Infinity, touch.at));
  }
  let wonBack = 0;
  for (const [memberId, at] of firstWinBack) if (orderedAfter(memberId, at)) wonBack++;
  return {
    withinDays,
    winBackTouched: firstWinBack.size,
    wonBack,
    byReason: [...byReason.values()].sort((a, b) => b.touches - a.touches || a.reason.localeCompare(b.reason)),
  };
}
