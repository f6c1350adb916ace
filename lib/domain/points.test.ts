import { describe, expect, it } from 'vitest';
import { adjustmentProblem, earnedPoints, pointsOf } from './points';

describe('points earned per unit of spend', () => {
  it.each([
    ['1 point per dollar: 123.45 USD earns 123', 12_345, 'USD', 1, 123],
    ['2 points per dollar: 10.50 USD earns 21', 1_050, 'USD', 2, 21],
    ['0.1 point per yen: 9 800 JPY (no minor digits) earns 980', 9_800, 'JPY', 0.1, 980],
    ['0.1 per unit on 30.00 earns 3, not 2 (no float drift)', 3_000, 'CNY', 0.1, 3],
    ['a fraction of a point is not earned: 0.99 USD earns 0', 99, 'USD', 1, 0],
    ['no spend earns nothing', 0, 'USD', 1, 0],
    ['a rate of 0 earns nothing', 50_000, 'USD', 0, 0],
    ['KWD has three minor digits: 12.345 earns 12', 12_345, 'KWD', 1, 12],
  ])('%s', (_rule, spend, currency, rate, want) => {
    expect(earnedPoints(spend, currency, rate)).toBe(want);
  });

  it('the balance is what was earned plus the adjustments', () => {
    expect(pointsOf({ spendMinor: 20_000, currency: 'USD', pointsAdjustment: -50 }, { enabled: true, perUnit: 1 }, 'USD')).toEqual({ earned: 200, adjusted: -50, balance: 150 });
  });

  it('a member with no currency of their own earns in the shop currency', () => {
    expect(pointsOf({ spendMinor: 1_000 }, { enabled: true, perUnit: 1 }, 'JPY')?.earned).toBe(1_000);
  });

  it('a shop without points shows none', () => {
    expect(pointsOf({ spendMinor: 20_000, currency: 'USD' }, { enabled: false, perUnit: 1 }, 'USD')).toBeUndefined();
  });
});

describe('adjusting points by hand', () => {
  it.each([
    ['a gift of points with a reason is fine', 100, 'Birthday gift', 0, undefined],
    ['spending points the member has is fine', -150, 'Redeemed for a tote bag', 150, undefined],
    ['an adjustment needs a reason', 50, '   ', 0, 'An adjustment needs a reason'],
    ['an adjustment of 0 is refused', 0, 'Nothing', 10, 'An adjustment is a whole number of points other than 0'],
    ['a fraction of a point is refused', 1.5, 'Half', 10, 'An adjustment is a whole number of points other than 0'],
    ['taking more than the balance is refused', -200, 'Redeemed', 150, 'The member has 150 points; taking 200 would leave fewer than none'],
    ['a typo of many zeros is refused', 100_000_000, 'Oops', 0, 'An adjustment is at most 10,000,000 points'],
  ])('%s', (_rule, delta, reason, balance, want) => {
    expect(adjustmentProblem(delta, reason, balance)?.message).toBe(want);
  });
});
