import { describe, expect, it } from 'vitest';
import { DAY_MS } from './time';
import { DEFAULT_TIER_LADDER, tierDirection, tierFor, tierForStats, tierLadderSchema, tierProgress } from './tiers';
import type { OrderFacts, TierLadder } from './types';

const ladder = DEFAULT_TIER_LADDER;
const allLadder: TierLadder = { ...DEFAULT_TIER_LADDER, match: 'all' };
const stats = (orderCount: number, spendMinor: number) => ({ orderCount, spendMinor });
const NOW = Date.UTC(2025, 5, 1);
const paid = (amountMinor: number, daysAgo: number, status: OrderFacts['status'] = 'paid'): OrderFacts => ({
  amountMinor,
  currency: 'USD',
  status,
  placedAt: NOW - daysAgo * DAY_MS,
});

describe('tierForStats', () => {
  it.each([
    ['a member with nothing is on the floor step', ladder, 0, 0, 'regular'],
    ['one small order stays Regular', ladder, 1, 5_000, 'regular'],
    ["with match 'any' two orders reach Silver", ladder, 2, 1_000, 'silver'],
    ["with match 'any' one big order reaches Silver by spend", ladder, 1, 10_000, 'silver'],
    ['spend one minor unit short of a threshold does not reach it', ladder, 1, 9_999, 'regular'],
    ['the highest step reached wins', ladder, 12, 0, 'diamond'],
    ['spend can lift a member past several steps', ladder, 1, 500_000, 'diamond'],
    ["with match 'all' orders alone are not enough", allLadder, 5, 1_000, 'regular'],
    ["with match 'all' every set threshold must hold", allLadder, 5, 50_000, 'gold'],
    ["with match 'all' the member gets the highest step where both hold", allLadder, 10, 60_000, 'gold'],
  ])('%s', (_rule, l, orderCount, spendMinor, id) => {
    expect(tierForStats(l, stats(orderCount, spendMinor)).id).toBe(id);
  });

  it('a ladder without steps is a programming error', () => {
    expect(() => tierForStats({ ...ladder, steps: [] }, stats(1, 1))).toThrow();
  });
});

describe('tierFor', () => {
  const yearly: TierLadder = { ...ladder, window: { days: 365 } };
  it.each([
    ['lifetime counts every counted order', ladder, [paid(1_000, 800), paid(1_000, 10)], 'silver'],
    ['a rolling window ignores orders placed before it', yearly, [paid(1_000, 800), paid(1_000, 10)], 'regular'],
    ['an order placed exactly window-days ago still counts', yearly, [paid(1_000, 365), paid(1_000, 10)], 'silver'],
    ['cancelled orders do not count towards a tier', ladder, [paid(60_000, 1, 'cancelled'), paid(1_000, 2)], 'regular'],
    ['refunded spend does not count towards a tier', ladder, [paid(300_000, 1, 'refunded')], 'regular'],
  ])('%s', (_rule, l, orders, id) => {
    expect(tierFor(l, orders, NOW, 'USD').id).toBe(id);
  });
});

describe('tierProgress', () => {
  it.each([
    ['a new buyer needs one more order or the rest of the spend for Silver', ladder, 1, 4_000,
      { next: 'silver', spendToNextMinor: 6_000, ordersToNext: 1 }],
    ['a Silver member sees what Gold needs', ladder, 2, 20_000,
      { next: 'gold', spendToNextMinor: 30_000, ordersToNext: 3 }],
    ["with match 'all' a threshold already met shows 0", allLadder, 6, 20_000,
      { next: 'gold', spendToNextMinor: 30_000, ordersToNext: 0 }],
    ["with match 'all' only the missing part of each threshold is reported", allLadder, 1, 20_000,
      { next: 'silver', spendToNextMinor: 0, ordersToNext: 1 }],
  ])('%s', (_rule, l, orderCount, spendMinor, expected) => {
    const progress = tierProgress(l, stats(orderCount, spendMinor));
    expect({
      next: progress.next?.id,
      spendToNextMinor: progress.spendToNextMinor,
      ordersToNext: progress.ordersToNext,
    }).toEqual(expected);
  });

  it('a member at the top has no next step', () => {
    expect(tierProgress(ladder, stats(50, 1_000_000))).toEqual({ current: ladder.steps[3] });
  });

  it('a next step with only an order threshold reports only orders', () => {
    const ordersOnly: TierLadder = { ...ladder, steps: [ladder.steps[0]!, { id: 'vip', name: 'VIP', color: '#000', minOrders: 3 }] };
    expect(tierProgress(ordersOnly, stats(1, 99_999))).toEqual({ current: ladder.steps[0], next: ordersOnly.steps[1], ordersToNext: 2 });
  });
});

describe('tierDirection', () => {
  it.each([
    ['moving to a higher step is up', 'silver', 'gold', 'up'],
    ['moving to a lower step is down', 'diamond', 'silver', 'down'],
    ['staying on a step is same', 'gold', 'gold', 'same'],
    ['a first tier above the floor is up', undefined, 'silver', 'up'],
    ['a first tier on the floor is same', undefined, 'regular', 'same'],
    ['a step removed from the ladder counts as the floor', 'platinum', 'silver', 'up'],
  ] as const)('%s', (_rule, from, to, direction) => {
    expect(tierDirection(ladder, from, to)).toBe(direction);
  });
});

describe('tierLadderSchema', () => {
  const valid = (patch: Partial<TierLadder>) => tierLadderSchema.safeParse({ ...ladder, ...patch }).success;
  const step = (id: string, extra: object = {}) => ({ id, name: id, color: '#123456', ...extra });

  it.each([
    ['the default ladder is valid', {}, true],
    ['a rolling window of whole days is valid', { window: { days: 365 } }, true],
    ['a ladder needs at least one step', { steps: [] }, false],
    ['a zero-day window is invalid', { window: { days: 0 } }, false],
    ['the floor step may not have thresholds', { steps: [step('a', { minOrders: 1 })] }, false],
    ['steps above the floor need a threshold', { steps: [step('a'), step('b')] }, false],
    ['step ids must be unique', { steps: [step('a'), step('a', { minOrders: 2 })] }, false],
    ['thresholds may not decrease up the ladder', { steps: [step('a'), step('b', { minOrders: 5 }), step('c', { minOrders: 3 })] }, false],
    ['money thresholds are whole minor units', { steps: [step('a'), step('b', { minSpendMinor: 10.5 })] }, false],
    ['colours are hex', { steps: [step('a', { color: 'gold' })] }, false],
  ])('%s', (_rule, patch, ok) => {
    expect(valid(patch as Partial<TierLadder>)).toBe(ok);
  });
});
