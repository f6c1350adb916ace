// Suggestions from the shop's own data: tier thresholds from its spend and order distribution, the
// lapse threshold from its repurchase intervals. Pure: callers pass the figures, no store access.
import { minorDigits } from './money';
import type { TierLadder, TierStep } from './types';

/** What a threshold suggestion reads of a member: counted orders and spend (in the ladder's window). */
export interface TierFacts {
  orderCount: number;
  spendMinor: number;
}

/** A member with no order (in a ladder's window). */
export const NO_TIER_FACTS: TierFacts = { orderCount: 0, spendMinor: 0 };

/** The value at percentile p (0–1) of ascending `sorted`, nearest rank; undefined when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

// Amounts people quote without thinking twice: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten.
const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The largest friendly amount at or below `minor` (never below one major unit): 1 234.00 → 1 200.00. */
export function friendlyAmountAtMost(minor: number, currency: string): number {
  const unit = 10 ** minorDigits(currency);
  const major = Math.max(0, minor) / unit;
  if (major < 1) return unit;
  const scale = 10 ** Math.floor(Math.log10(major));
  let best = unit;
  for (const m of NICE) {
    const candidate = Math.round(m * scale * unit);
    if (candidate <= minor) best = candidate;
  }
  return best;
}

/**
 * The smallest friendly amount strictly above `minor` (minor units of `currency`), counted in whole
 * major units: 137.20 USD → 150.00, 43 → 50, 1 372 JPY → 1 500, 9 800 → 10 000. Never below one
 * major unit.
 */
export function friendlyAmountAbove(minor: number, currency: string): number {
  const unit = 10 ** minorDigits(currency);
  const major = Math.max(0, minor) / unit;
  if (major < 1) return unit;
  let scale = 10 ** Math.floor(Math.log10(major));
  for (;;) {
    for (const m of NICE) {
      const candidate = Math.round(m * scale * unit);
      if (candidate > minor) return candidate;
    }
    scale *= 10;
  }
}

export interface TierSuggestion {
  /** Thresholds for each step above the floor, lowest first (index 0 is the ladder's second step). */
  steps: { minSpendMinor: number; minOrders: number; percentile: number }[];
  /** Members with at least one counted order (in the window) the suggestion was drawn from. */
  buyers: number;
  repeatBuyers: number;
  /** The typical buyer the first step sits just above. */
  medianSpendMinor: number;
  medianOrders: number;
}

/**
 * Thresholds for `stepsAbove` steps above the floor, from the shop's own members.
 *
 * The rule, so that every step means something and the first is within reach:
 * - Step 1 sits just above the typical buyer: spend the next friendly amount above the median spend
 *   of all buyers, orders one more than their median (so for most shops: a second order). A typical
 *   buyer is one good order away from it.
 * - Higher steps are drawn from repeat buyers only (two or more orders): one-time buyers are most of
 *   a shop and would pull every figure down to the first order. They sit at evenly spaced spend and
 *   order percentiles of repeat buyers, from the 75th to the 95th (one higher step: the 90th), so the
 *   top step is the shop's best twentieth of regulars. Without repeat buyers all buyers are used.
 * - Amounts are friendly figures in the shop's currency (step 1 rounded up, so the typical buyer is
 *   below it; higher steps rounded down, so the buyers at the percentile reach it), and each step
 *   is strictly above the one below.
 *
 * Undefined when there is no buyer to learn from.
 */
export function suggestTierThresholds(members: readonly TierFacts[], stepsAbove: number, currency: string): TierSuggestion | undefined {
  const spend: number[] = [];
  const orders: number[] = [];
  const repeatSpend: number[] = [];
  const repeatOrders: number[] = [];
  for (const m of members) {
    if (m.orderCount < 1) continue;
    spend.push(m.spendMinor);
    orders.push(m.orderCount);
    if (m.orderCount >= 2) {
      repeatSpend.push(m.spendMinor);
      repeatOrders.push(m.orderCount);
    }
  }
  if (spend.length === 0 || stepsAbove < 1) return undefined;
  const asc = (a: number, b: number) => a - b;
  spend.sort(asc);
  orders.sort(asc);
  repeatSpend.sort(asc);
  repeatOrders.sort(asc);
  const upperSpend = repeatSpend.length ? repeatSpend : spend;
  const upperOrders = repeatOrders.length ? repeatOrders : orders;

  const medianSpendMinor = percentile(spend, 0.5)!;
  const medianOrders = percentile(orders, 0.5)!;
  const steps: TierSuggestion['steps'] = [{ minSpendMinor: friendlyAmountAbove(medianSpendMinor, currency), minOrders: medianOrders + 1, percentile: 0.5 }];
  const higher = stepsAbove - 1;
  for (let k = 1; k <= higher; k++) {
    const p = higher === 1 ? 0.9 : 0.75 + (0.2 * (k - 1)) / (higher - 1);
    const below = steps[steps.length - 1]!;
    // Rounded down, so that the members at the percentile reach the step they define.
    const spendAt = friendlyAmountAtMost(percentile(upperSpend, p)!, currency);
    steps.push({
      minSpendMinor: spendAt > below.minSpendMinor ? spendAt : friendlyAmountAbove(below.minSpendMinor, currency),
      minOrders: Math.max(percentile(upperOrders, p)!, below.minOrders + 1),
      percentile: p,
    });
  }
  return { steps, buyers: spend.length, repeatBuyers: repeatSpend.length, medianSpendMinor, medianOrders };
}

/**
 * The ladder with suggested thresholds filled in where the ladder has a threshold of that kind, so
 * a shop that ranks on spend alone keeps ranking on spend alone. A step without either gets both.
 */
export function applyTierSuggestion(ladder: TierLadder, suggestion: TierSuggestion): TierLadder {
  const steps: TierStep[] = ladder.steps.map((step, i) => {
    const s = i === 0 ? undefined : suggestion.steps[i - 1];
    if (!s) return step;
    const none = step.minSpendMinor === undefined && step.minOrders === undefined;
    return {
      ...step,
      minSpendMinor: step.minSpendMinor !== undefined || none ? s.minSpendMinor : undefined,
      minOrders: step.minOrders !== undefined || none ? s.minOrders : undefined,
    };
  });
  return { ...ladder, steps };
}

/** How many members land on each step of the ladder (ids in ladder order). */
export function tierCounts(ladder: TierLadder, members: readonly TierFacts[]): number[] {
  const counts = new Array<number>(ladder.steps.length).fill(0);
  // Inlined tierForStats: this runs on every keystroke of the editor over the whole member base.
  const steps = ladder.steps;
  const all = ladder.match === 'all';
  for (const m of members) {
    let at = 0;
    for (let i = steps.length - 1; i > 0; i--) {
      const s = steps[i]!;
      const spendOk = s.minSpendMinor === undefined ? undefined : m.spendMinor >= s.minSpendMinor;
      const ordersOk = s.minOrders === undefined ? undefined : m.orderCount >= s.minOrders;
      const reached =
        spendOk === undefined && ordersOk === undefined ? true : all ? spendOk !== false && ordersOk !== false : spendOk === true || ordersOk === true;
      if (reached) {
        at = i;
        break;
      }
    }
    counts[at]! += 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Lapse: how long the shop's buyers take to come back

export interface HistogramBin {
  /** Whole days, inclusive. */
  from: number;
  /** Whole days, inclusive; undefined for the open last bin ("and longer"). */
  to?: number | undefined;
  count: number;
}

export interface LapseSuggestion {
  /** Suggested lapse threshold in days. */
  days: number;
  /** Share (0–1) of repeat purchases that came before `days` days had passed since the previous order. */
  coverage: number;
  /** Repeat purchases the figure is drawn from. */
  intervals: number;
  medianDays: number;
  bins: HistogramBin[];
}

/** Below this many repeat purchases a suggestion would be noise. */
export const MIN_INTERVALS_FOR_SUGGESTION = 20;
/** The share of repeat purchases that should fall inside the lapse threshold. */
export const LAPSE_COVERAGE = 0.8;

/** Rounds days up to a figure people set: a week under 2 months, 10 days under 6 months, then months of 30. */
export function friendlyDays(days: number): number {
  const d = Math.max(1, Math.ceil(days));
  if (d <= 14) return d;
  if (d <= 60) return Math.ceil(d / 7) * 7;
  if (d <= 180) return Math.ceil(d / 10) * 10;
  return Math.ceil(d / 30) * 30;
}

/**
 * Histogram of intervals (whole days) in about `target` bins of a friendly width, covering up to the
 * 95th percentile; longer intervals go to one open last bin, so a few slow buyers don't squash it.
 */
export function intervalHistogram(sortedDays: ArrayLike<number>, target = 16): HistogramBin[] {
  if (sortedDays.length === 0) return [];
  const top = Math.max(1, percentile(sortedDays, 0.95)!);
  const widths = [1, 2, 3, 5, 7, 10, 14, 15, 30, 60, 90, 180, 365];
  const width = widths.find((w) => top / w <= target) ?? 365;
  const count = Math.max(1, Math.ceil((top + 1) / width));
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width - 1, count: 0 }));
  const last = sortedDays[sortedDays.length - 1]!;
  if (last > count * width - 1) bins.push({ from: count * width, to: undefined, count: 0 });
  for (let i = 0; i < sortedDays.length; i++) {
    const d = sortedDays[i]!;
    const at = Math.min(bins.length - 1, Math.floor(d / width));
    bins[at]!.count += 1;
  }
  return bins;
}

/**
 * The lapse threshold from repurchase intervals (days from a member's order to their next one):
 * the interval within which 80% of repeat purchases happen, rounded up to a friendly figure. A
 * member quiet for longer than that is past where four in five returns come, so a win-back message
 * is due. Undefined below MIN_INTERVALS_FOR_SUGGESTION intervals.
 */
export function suggestLapseDays(intervalDays: readonly number[]): LapseSuggestion | undefined {
  if (intervalDays.length < MIN_INTERVALS_FOR_SUGGESTION) return undefined;
  const sorted = Float64Array.from(intervalDays).sort();
  // A member is lapsed on the day the threshold is reached (lapse.ts), so the 80th-percentile
  // interval must fall strictly inside it: + 1.
  const raw = percentile(sorted, LAPSE_COVERAGE)!;
  const days = Math.min(3650, Math.max(7, friendlyDays(raw + 1)));
  let within = 0;
  while (within < sorted.length && sorted[within]! < days) within++;
  return {
    days,
    coverage: within / sorted.length,
    intervals: sorted.length,
    medianDays: percentile(sorted, 0.5)!,
    bins: intervalHistogram(sorted),
  };
}
