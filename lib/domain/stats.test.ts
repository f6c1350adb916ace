import { describe, expect, it } from 'vitest';
import { buyerKind, memberStats } from './stats';
import type { MemberStats, OrderFacts, OrderStatus } from './types';

const order = (amountMinor: number, placedAt: number, status: OrderStatus = 'paid', currency = 'USD'): OrderFacts => ({
  amountMinor,
  currency,
  status,
  placedAt,
});

describe('memberStats', () => {
  it.each<[string, OrderFacts[], Partial<MemberStats>]>([
    ['a member without orders has nothing counted and the shop currency', [],
      { orderCount: 0, spendMinor: 0, averageOrderMinor: 0, currency: 'MYR', firstOrderAt: undefined, lastOrderAt: undefined }],
    ['paid, shipped and delivered orders count as orders and spend',
      [order(1000, 1), order(2000, 2, 'shipped'), order(3000, 3, 'delivered')],
      { orderCount: 3, spendMinor: 6000, averageOrderMinor: 2000, currency: 'USD', firstOrderAt: 1, lastOrderAt: 3 }],
    ['unpaid, cancelled and refunded orders count neither as orders nor as spend',
      [order(1000, 5), order(9000, 1, 'unpaid'), order(9000, 2, 'cancelled'), order(9000, 9, 'refunded')],
      { orderCount: 1, spendMinor: 1000, averageOrderMinor: 1000, firstOrderAt: 5, lastOrderAt: 5 }],
    ['a member with only cancelled orders has no first or last order',
      [order(1000, 5, 'cancelled')],
      { orderCount: 0, spendMinor: 0, currency: 'MYR', firstOrderAt: undefined, lastOrderAt: undefined }],
    ['first and last order come from placed time, not list order',
      [order(100, 30), order(100, 10), order(100, 20)],
      { firstOrderAt: 10, lastOrderAt: 30 }],
    ['the average order is rounded to a whole minor unit',
      [order(100, 1), order(100, 2), order(101, 3)],
      { spendMinor: 301, averageOrderMinor: 100 }],
    ['spend only sums the currency most counted orders use',
      [order(500, 1, 'paid', 'EUR'), order(1000, 2, 'paid', 'USD'), order(2000, 3, 'paid', 'USD')],
      { orderCount: 3, currency: 'USD', spendMinor: 3000, averageOrderMinor: 1500 }],
    ['a currency tie goes to the currency seen first',
      [order(100, 1, 'paid', 'USD'), order(200, 2, 'paid', 'EUR'), order(300, 3, 'paid', 'EUR'), order(400, 4, 'paid', 'USD')],
      { currency: 'USD', spendMinor: 500 }],
    ['cancelled orders do not decide the currency',
      [order(100, 1, 'cancelled', 'EUR'), order(100, 2, 'cancelled', 'EUR'), order(700, 3, 'paid', 'USD')],
      { currency: 'USD', spendMinor: 700, orderCount: 1 }],
  ])('%s', (_rule, orders, expected) => {
    expect(memberStats(orders, 'MYR')).toMatchObject(expected);
  });
});

describe('buyerKind', () => {
  it.each([
    ['a buyer with no counted order is a Prospect', 0, 'prospect'],
    ['a buyer with one order is New', 1, 'new'],
    ['a buyer with two orders is Returning', 2, 'returning'],
    ['a buyer with many orders is Returning', 40, 'returning'],
  ] as const)('%s', (_rule, orderCount, kind) => {
    expect(buyerKind({ orderCount })).toBe(kind);
  });

  it('a buyer whose only order was refunded is a Prospect', () => {
    expect(buyerKind(memberStats([order(100, 1, 'refunded')], 'USD'))).toBe('prospect');
  });
});
