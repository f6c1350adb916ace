import { describe, expect, it } from 'vitest';
import { categoryLastOrders, UNCATEGORISED } from './categories';
import { lapseDayOf, memberLapse, secondPurchaseDays } from './category-lapse';
import { DAY_MS, localDayNumber } from './time';

const TZ = 'Asia/Singapore';
const NOW = Date.parse('2026-12-01T04:00:00Z'); // noon in Singapore
const daysAgo = (n: number) => NOW - n * DAY_MS;
const CYCLES = { Tea: { lapseDays: 30, cycleDays: 21 }, Teaware: { lapseDays: 400, cycleDays: 365 } };

describe('a member is lapsing by the categories they buy', () => {
  it.each([
    ['tea 40 days ago, a teapot 100 days ago: the teapot keeps them active', { Tea: daysAgo(40), Teaware: daysAgo(100) }, 'active', 300],
    ['tea 40 days ago, a teapot 500 days ago: every category is past its threshold', { Tea: daysAgo(40), Teaware: daysAgo(500) }, 'lapsed', 40],
    ['tea 10 days ago only: active for 20 more days', { Tea: daysAgo(10) }, 'active', 20],
    ['tea exactly 30 days ago: lapsed on the boundary day', { Tea: daysAgo(30) }, 'lapsed', 30],
    ['an uncategorised order uses the shop threshold (90)', { [UNCATEGORISED]: daysAgo(60), Tea: daysAgo(45) }, 'active', 30],
    ['a category without its own threshold uses the shop threshold', { Snacks: daysAgo(80) }, 'active', 10],
  ])('%s', (_rule, categoryLastAt, state, days) => {
    const lapse = memberLapse({ categoryLastAt, lastOrderAt: Math.max(...Object.values(categoryLastAt)) }, CYCLES, 90, NOW, TZ);
    expect(lapse.state).toBe(state);
    expect(lapse.state === 'active' ? lapse.daysLeft : lapse.state === 'lapsed' ? lapse.daysSince : undefined).toBe(days);
  });

  it('without a per-category record the last order and the shop threshold decide', () => {
    expect(memberLapse({ lastOrderAt: daysAgo(95) }, CYCLES, 90, NOW, TZ)).toMatchObject({ state: 'lapsed', daysSince: 95 });
    expect(memberLapse({}, CYCLES, 90, NOW, TZ).state).toBe('none');
  });

  it('the lapse day is the latest category’s last order day plus its threshold', () => {
    const day = lapseDayOf({ categoryLastAt: { Tea: daysAgo(40), Teaware: daysAgo(100) } }, CYCLES, 90, TZ);
    expect(day).toBe(localDayNumber(NOW, TZ) + 300);
  });

  it('the per-category record comes from counted orders only, every category of an order', () => {
    const last = categoryLastOrders([
      { status: 'delivered', placedAt: daysAgo(50), items: [{ category: 'Tea' }, { category: 'Teaware' }] },
      { status: 'paid', placedAt: daysAgo(5), items: [{ category: 'Tea' }] },
      { status: 'refunded', placedAt: daysAgo(1), items: [{ category: 'Teaware' }] },
      { status: 'shipped', placedAt: daysAgo(20), items: [{}] },
    ]);
    expect(last).toEqual({ Tea: daysAgo(5), Teaware: daysAgo(50), [UNCATEGORISED]: daysAgo(20) });
    expect(categoryLastOrders([{ status: 'cancelled', placedAt: NOW, items: [] }])).toBeUndefined();
  });
});

describe('second-purchase timing follows the category’s cycle', () => {
  it.each([
    ['a tea buyer is due back after the tea cycle', { Tea: 1 }, 21],
    ['a buyer of tea and a teapot: the shorter cycle first', { Tea: 1, Teaware: 1 }, 21],
    ['a teapot buyer waits a year', { Teaware: 1 }, 365],
    ['an uncategorised first order keeps the rule’s days', { [UNCATEGORISED]: 1 }, 30],
    ['a category without a cycle keeps the rule’s days', { Snacks: 1 }, 30],
  ])('%s', (_rule, last, want) => {
    expect(secondPurchaseDays(last, CYCLES, 30)).toBe(want);
  });
});
