// RFM: recency, frequency and monetary scores 1–5 across the shop's own members, and named segments.
//
// Scoring rule, the same in all three dimensions: score = 1 + the number of cut points the member is
// strictly better than ("better" = more orders, more spend, fewer days since the last order).
// A value equal to a cut point therefore always gets the lower of the two scores around it.
// For frequency and monetary this is the RfmBreaks rule in types.ts (value <= cuts[0] scores 1);
// for recency it is mirrored: days < cuts[0] scores 5 … days >= cuts[3] scores 1.

import { calendarDaysBetween, localDayNumber } from './time';
import type { RfmBreaks, RfmScore, RfmSegment } from './types';

export interface RfmMemberFacts {
  lastOrderAt?: number | undefined;
  orderCount: number;
  spendMinor: number;
}

/**
 * Four ascending cut points per dimension from the members with at least one counted order.
 *
 * Ties: every member with the same value gets the same score, taken from the middle of their tie
 * group (its mid-rank percentile, as pandas' rank(method='average', pct=True)), so a big tie lands
 * in the quintile where most of it sits rather than all in the bottom one. Small populations follow
 * from that: one member (or everyone equal) scores 3; three distinct members score 1, 3 and 5.
 * With no scored members the breaks are those of one member who bought once today for nothing.
 */
export function rfmBreaks(members: readonly RfmMemberFacts[], now: number, timeZone: string): RfmBreaks {
  const dims = rfmDimensions(members.length, now, timeZone);
  for (const m of members) if (m.orderCount >= 1 && m.lastOrderAt !== undefined) dims.add(m.lastOrderAt, m.orderCount, m.spendMinor);
  return dims.breaks();
}

/** The member facts as columns (member-columns.ts; NaN lastOrderAt: no order), for rfmBreaksOfColumns. */
export interface RfmColumns {
  count: number;
  orderCount: ArrayLike<number>;
  spendMinor: ArrayLike<number>;
  lastOrderAt: ArrayLike<number>;
}

/** rfmBreaks over the members' columns: the same cut points, without a member object built. */
export function rfmBreaksOfColumns(c: RfmColumns, now: number, timeZone: string): RfmBreaks {
  const dims = rfmDimensions(c.count, now, timeZone);
  for (let i = 0; i < c.count; i++) {
    const last = c.lastOrderAt[i]!;
    if (c.orderCount[i]! >= 1 && !Number.isNaN(last)) dims.add(last, c.orderCount[i]!, c.spendMinor[i]!);
  }
  return dims.breaks();
}

/** The three dimensions' "goodness" values (higher = better), so one routine cuts all three. */
function rfmDimensions(capacity: number, now: number, timeZone: string) {
  const recency = new Float64Array(capacity);
  const frequency = new Float64Array(capacity);
  const monetary = new Float64Array(capacity);
  const today = localDayNumber(now, timeZone);
  let count = 0;
  return {
    /** A member with at least one counted order. */
    add(lastOrderAt: number, orderCount: number, spendMinor: number) {
      recency[count] = localDayNumber(lastOrderAt, timeZone) - today; // = -days since
      frequency[count] = orderCount;
      monetary[count] = spendMinor;
      count += 1;
    },
    breaks(): RfmBreaks {
      if (count === 0) return rfmBreaks([{ lastOrderAt: now, orderCount: 1, spendMinor: 0 }], now, timeZone);
      return {
        recencyDays: goodnessCuts(recency.subarray(0, count)).map((g) => 0 - g).reverse(), // 0 - g: no -0
        frequency: goodnessCuts(frequency.subarray(0, count)),
        monetary: goodnessCuts(monetary.subarray(0, count)),
      };
    },
  };
}

/** Cut k (1–4) = the largest value whose tie group scores <= k; below every value when none does. */
function goodnessCuts(values: Float64Array): number[] {
  values.sort(); // typed arrays sort numerically, in place
  const n = values.length;
  const first = values[0] ?? 0;
  const cuts = [first - 1, first - 1, first - 1, first - 1];
  let i = 0;
  while (i < n) {
    const value = values[i] ?? 0;
    let j = i + 1;
    while (j < n && values[j] === value) j += 1;
    // Mid-rank percentile (i + (j - i) / 2) / n → quintile, in integers to stay exact.
    const score = Math.min(5, Math.floor(((i + j) * 5) / (2 * n)) + 1);
    for (let k = score; k <= 4; k += 1) cuts[k - 1] = value;
    i = j;
  }
  return cuts;
}

const clampScore = (score: number) => (Number.isFinite(score) ? Math.min(5, Math.max(1, Math.round(score))) : 1);

/** The member's R, F and M scores and segment; undefined without a counted order. */
export function rfmScore(stats: RfmMemberFacts, breaks: RfmBreaks, now: number, timeZone: string): RfmScore | undefined {
  if (stats.orderCount < 1 || stats.lastOrderAt === undefined) return undefined;
  const days = calendarDaysBetween(stats.lastOrderAt, now, timeZone);
  let r = 1;
  for (const cut of breaks.recencyDays) if (days < cut) r += 1;
  let f = 1;
  for (const cut of breaks.frequency) if (stats.orderCount > cut) f += 1;
  let m = 1;
  for (const cut of breaks.monetary) if (stats.spendMinor > cut) m += 1;
  r = clampScore(r);
  f = clampScore(f);
  m = clampScore(m);
  return { r, f, m, segment: rfmSegmentFor(r, f, m) };
}

// Segments on the R score against the FM score (mean of F and M), as in the widely reproduced
// table: Champions R 4–5 / FM 4–5, Loyal 2–5 / 3–5, Potential loyalist 3–5 / 1–3, New 4–5 / 0–1,
// Promising 3–4 / 0–1, Need attention 2–3 / 2–3, About to sleep 2–3 / 0–2, At risk 0–2 / 2–5,
// Can't lose 0–1 / 4–5, Hibernating 1–2 / 1–2, Lost 0–2 / 0–2.
// Source: https://docs.churned.io/churned-docs/dashboard-and-features/rfv-model-segment-best-practices/rfm-model
// Read as closed ranges the rows overlap and, checked in order, New and Promising can never match.
// Read as half-open ranges (lo, hi] they tile the 5×5 grid exactly, except three cells where a
// narrower row sits inside a wider one (Champions in Loyal, Can't lose in At risk, Hibernating in
// Lost); the narrower row wins. FM = (F + M) / 2 falls in (lo, hi], i.e. its column is ceil(FM).
const SEGMENT_GRID: Record<1 | 2 | 3 | 4 | 5, readonly [RfmSegment, RfmSegment, RfmSegment, RfmSegment, RfmSegment]> = {
  //  FM:  1               2                    3                    4         5
  5: ['new', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'champions'],
  4: ['promising', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'loyal'],
  3: ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
  2: ['lost', 'hibernating', 'atRisk', 'atRisk', 'atRisk'],
  1: ['lost', 'lost', 'atRisk', 'atRisk', 'cantLose'],
};

/** The named segment for R, F and M scores (each 1–5; out-of-range input is clamped). */
export function rfmSegmentFor(r: number, f: number, m: number): RfmSegment {
  const row = SEGMENT_GRID[clampScore(r) as 1 | 2 | 3 | 4 | 5];
  const fm = Math.ceil((clampScore(f) + clampScore(m)) / 2);
  return row[fm - 1] ?? 'lost';
}

/**
 * Segments for display, most valuable to the shop first: what members have spent and bought (FM)
 * before how recently, so Can't lose and At risk sit above the cheaper recent segments.
 */
export const RFM_SEGMENT_ORDER: readonly RfmSegment[] = [
  'champions',
  'loyal',
  'cantLose',
  'atRisk',
  'potentialLoyalist',
  'needAttention',
  'new',
  'promising',
  'aboutToSleep',
  'hibernating',
  'lost',
];
