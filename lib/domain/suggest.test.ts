import { describe, expect, it } from 'vitest';
import {
  applyTierSuggestion,
  friendlyAmountAbove,
  friendlyAmountAtMost,
  friendlyDays,
  intervalHistogram,
  percentile,
  suggestLapseDays,
  suggestTierThresholds,
  tierCounts,
  type TierFacts,
} from './suggest';
import { DEFAULT_TIER_LADDER, tierForStats } from './tiers';
import type { TierLadder } from './types';

const many = (n: number, facts: TierFacts): TierFacts[] => Array.from({ length: n }, () => ({ ...facts }));

describe('friendly amounts', () => {
  it.each([
    ['137.20 USD rounds up to 150.00', 13_720, 'USD', 15_000],
    ['43.00 USD rounds up to 50.00', 4_300, 'USD', 5_000],
    ['an exact friendly amount moves to the next one (strictly above)', 5_000, 'USD', 6_000],
    ['9 800 JPY (no minor digits) rounds up to 10 000', 9_800, 'JPY', 10_000],
    ['1 372 JPY rounds up to 1 500', 1_372, 'JPY', 1_500],
    ['1 150.00 USD rounds up to 1 200.00', 115_000, 'USD', 120_000],
    ['under one major unit gives one major unit', 40, 'USD', 100],
    ['KWD has three minor digits: 12.345 → 15.000', 12_345, 'KWD', 15_000],
  ])('%s', (_rule, minor, currency, want) => {
    expect(friendlyAmountAbove(minor, currency)).toBe(want);
  });

  it.each([
    [3, 3],
    [15, 21],
    [29, 35],
    [61, 70],
    [95, 100],
    [181, 210],
  ])('%i days round up to %i', (days, want) => {
    expect(friendlyDays(days)).toBe(want);
  });
});

it.each([
  [123_400, 'USD', 120_000],
  [25_000, 'USD', 25_000],
  [99, 'USD', 100],
  [7_777, 'JPY', 6_000],
])('the friendly amount at most %i %s is %i', (minor, currency, want) => {
  expect(friendlyAmountAtMost(minor, currency)).toBe(want);
});

describe('suggestTierThresholds', () => {
  // A typical small shop: 60 one-time buyers at 40.00, 25 regulars at 2 orders / 90.00,
  // 10 at 4 orders / 250.00, 5 best buyers at 12 orders / 1 200.00.
  const shop: TierFacts[] = [
    ...many(60, { orderCount: 1, spendMinor: 4_000 }),
    ...many(25, { orderCount: 2, spendMinor: 9_000 }),
    ...many(10, { orderCount: 4, spendMinor: 25_000 }),
    ...many(5, { orderCount: 12, spendMinor: 120_000 }),
  ];

  it('the first step sits just above the typical buyer: the next friendly amount over the median spend, and a second order', () => {
    const s = suggestTierThresholds(shop, 3, 'USD')!;
    expect(s.medianSpendMinor).toBe(4_000);
    expect(s.steps[0]).toMatchObject({ minSpendMinor: 5_000, minOrders: 2 });
    // Reachable: the typical buyer does not have it, one more order gets it.
    const typical = { orderCount: 1, spendMinor: 4_000 };
    expect(tierForStats(applyTierSuggestion(DEFAULT_TIER_LADDER, s), typical).id).toBe('regular');
    expect(tierForStats(applyTierSuggestion(DEFAULT_TIER_LADDER, s), { orderCount: 2, spendMinor: 8_000 }).id).toBe('silver');
  });

  it('higher steps come from repeat buyers only, at their 75th and 95th percentiles', () => {
    const s = suggestTierThresholds(shop, 3, 'USD')!;
    expect(s.repeatBuyers).toBe(40);
    // 40 repeat buyers: P75 is the 30th (a 250.00 / 4-order buyer), P95 the 38th (a 1 200.00 / 12-order one).
    expect(s.steps[1]).toMatchObject({ minSpendMinor: 25_000, minOrders: 4, percentile: 0.75 });
    expect(s.steps[2]).toMatchObject({ minSpendMinor: 120_000, minOrders: 12, percentile: 0.95 });
    const counts = tierCounts(applyTierSuggestion(DEFAULT_TIER_LADDER, s), shop);
    expect(counts).toEqual([60, 25, 10, 5]);
  });

  it('steps always climb, even when the distribution is flat', () => {
    const flat = many(50, { orderCount: 2, spendMinor: 3_000 });
    const s = suggestTierThresholds(flat, 3, 'USD')!;
    const spends = s.steps.map((x) => x.minSpendMinor);
    const orders = s.steps.map((x) => x.minOrders);
    expect(spends).toEqual([...spends].sort((a, b) => a - b));
    expect(new Set(spends).size).toBe(3);
    expect(orders).toEqual([3, 4, 5]);
  });

  it('a shop of one-time buyers still gets a ladder, drawn from all buyers', () => {
    const s = suggestTierThresholds([...many(9, { orderCount: 1, spendMinor: 2_000 }), { orderCount: 1, spendMinor: 50_000 }], 2, 'USD')!;
    expect(s.repeatBuyers).toBe(0);
    expect(s.steps[0]).toMatchObject({ minSpendMinor: 2_500, minOrders: 2 });
    expect(s.steps[1]!.minSpendMinor).toBeGreaterThan(2_500);
  });

  it('members without a counted order are left out, and with no buyer at all there is no suggestion', () => {
    expect(suggestTierThresholds(many(5, { orderCount: 0, spendMinor: 0 }), 3, 'USD')).toBeUndefined();
    const s = suggestTierThresholds([...many(100, { orderCount: 0, spendMinor: 0 }), ...many(3, { orderCount: 1, spendMinor: 1_000 })], 1, 'USD')!;
    expect(s.buyers).toBe(3);
    expect(s.steps).toHaveLength(1);
  });

  it('a spend-only ladder stays spend-only when the suggestion is applied', () => {
    const spendOnly: TierLadder = {
      ...DEFAULT_TIER_LADDER,
      steps: DEFAULT_TIER_LADDER.steps.map((st, i) => (i === 0 ? st : { ...st, minOrders: undefined })),
    };
    const applied = applyTierSuggestion(spendOnly, suggestTierThresholds(shop, 3, 'USD')!);
    expect(applied.steps.slice(1).every((st) => st.minOrders === undefined && st.minSpendMinor !== undefined)).toBe(true);
  });
});

describe('tierCounts', () => {
  it.each([
    ['match any', DEFAULT_TIER_LADDER],
    ['match all', { ...DEFAULT_TIER_LADDER, match: 'all' } as TierLadder],
  ])('agrees with tierForStats member by member (%s)', (_name, ladder) => {
    const members: TierFacts[] = [];
    for (let o = 0; o <= 12; o += 1) for (let s = 0; s <= 250_000; s += 12_500) members.push({ orderCount: o, spendMinor: s });
    const want = ladder.steps.map((st) => members.filter((m) => tierForStats(ladder, m).id === st.id).length);
    expect(tierCounts(ladder, members)).toEqual(want);
  });
});

describe('suggestLapseDays', () => {
  it('suggests the interval within which 80% of repeat purchases happen, rounded to a friendly figure', () => {
    // 100 intervals: 1..100 days. The 80th is 80 days; the threshold must be above it: 90.
    const s = suggestLapseDays(Array.from({ length: 100 }, (_, i) => i + 1))!;
    expect(s.days).toBe(90);
    expect(s.coverage).toBeCloseTo(0.89, 2); // 89 intervals are under 90 days
    expect(s.medianDays).toBe(50);
    expect(s.intervals).toBe(100);
  });

  it('a fast-moving shop (most buyers back within a month) gets about a month', () => {
    const intervals = [...Array.from({ length: 80 }, (_, i) => 5 + (i % 20)), ...Array.from({ length: 20 }, (_, i) => 100 + i * 10)];
    const s = suggestLapseDays(intervals)!;
    expect(s.days).toBe(28);
    expect(s.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it('an appliance shop (buyers back after years) gets a threshold in months', () => {
    const s = suggestLapseDays(Array.from({ length: 50 }, (_, i) => 300 + i * 20))!;
    expect(s.days % 30).toBe(0);
    expect(s.days).toBeGreaterThan(365);
    expect(s.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it('too few repeat purchases give no suggestion', () => {
    expect(suggestLapseDays([10, 20, 30])).toBeUndefined();
  });

  it('the histogram counts every interval once, with a friendly bin width and an open last bin for the slow few', () => {
    const intervals = [...Array.from({ length: 95 }, (_, i) => i), 400, 500, 600, 700, 800];
    const bins = intervalHistogram(Float64Array.from(intervals).sort());
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(100);
    expect(bins.at(-1)).toMatchObject({ to: undefined });
    expect(bins.at(-1)!.count).toBeGreaterThanOrEqual(5);
    expect(bins[0]).toMatchObject({ from: 0 });
    expect(bins.length).toBeLessThanOrEqual(18);
  });
});

describe('percentile', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.75, 3],
    [[1, 2, 3, 4], 1, 4],
    [[7], 0.95, 7],
  ])('nearest rank of %j at %f is %i', (xs, p, want) => {
    expect(percentile(xs, p)).toBe(want);
  });
});
