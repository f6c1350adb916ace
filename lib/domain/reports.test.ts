import { describe, expect, it } from 'vitest';
import { orderReportPart, repurchaseIntervals, shopReport, type ReportContext, type ReportMember, type ReportOrder } from './reports';
import { DEFAULT_TIER_LADDER } from './tiers';
import { DAY_MS } from './time';

// Mid-month, so "N months ago" lands cleanly: 2026-11-15 12:00 UTC.
const NOW = Date.UTC(2026, 10, 15, 12);
const ctx: ReportContext = { now: NOW, timeZone: 'UTC', shopCurrency: 'USD', tierLadder: DEFAULT_TIER_LADDER, rfmBreaks: null, lapseDays: 90, months: 3 };
const daysAgo = (d: number) => NOW - d * DAY_MS;

function member(id: string, orders: ReportOrder[], tierId = 'regular'): ReportMember {
  const counted = orders.filter((o) => o.memberId === id && !['unpaid', 'cancelled', 'refunded'].includes(o.status));
  return {
    id,
    displayName: id,
    tierId,
    orderCount: counted.length,
    spendMinor: counted.reduce((a, o) => a + o.amountMinor, 0),
    currency: 'USD',
    lastOrderAt: counted.length ? Math.max(...counted.map((o) => o.placedAt)) : undefined,
    firstOrderAt: counted.length ? Math.min(...counted.map((o) => o.placedAt)) : undefined,
  };
}
const o = (memberId: string, days: number, amountMinor = 1000, over: Partial<ReportOrder> = {}): ReportOrder => ({
  memberId,
  placedAt: daysAgo(days),
  amountMinor,
  currency: 'USD',
  status: 'delivered',
  ...over,
});

// Ann: first order 100 days ago (August), back 40 days ago (October) and 5 days ago (November).
// Bob: one order 10 days ago (November). Cat: two orders 30 days apart, both before the window.
// Dee: a cancelled order only. Eve: two orders on the same day in October.
const orders: ReportOrder[] = [
  o('ann', 100, 5000),
  o('ann', 40, 3000),
  o('ann', 5, 2000),
  o('bob', 10, 1500),
  o('cat', 400, 1000),
  o('cat', 370, 1000),
  o('dee', 20, 9999, { status: 'cancelled' }),
  o('eve', 35, 700),
  o('eve', 35, 300, { placedAt: daysAgo(35) + 3_600_000 }),
];
const members = ['ann', 'bob', 'cat', 'dee', 'eve'].map((id) => member(id, orders, id === 'ann' ? 'silver' : 'regular'));

describe('shopReport', () => {
  const report = shopReport(members, orders, ctx);
  const month = (m: string) => report.months.find((x) => x.month === m)!;

  it('shows the last N calendar months, ending with the current one', () => {
    expect(report.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it("an order is new when it is the member's first counted order, returning otherwise", () => {
    expect(month('2026-11')).toMatchObject({ newOrders: 1, newRevenueMinor: 1500, returningOrders: 1, returningRevenueMinor: 2000 });
    // October: Ann's second order (returning) and Eve's first visit of two orders: the first is new, the same-day second returning.
    expect(month('2026-10')).toMatchObject({ newOrders: 1, newRevenueMinor: 700, returningOrders: 2, returningRevenueMinor: 3300 });
  });

  it("the repeat-purchase rate is the share of a month's buyers who had ordered before", () => {
    expect(month('2026-11')).toMatchObject({ buyers: 2, returningBuyers: 1, repeatRate: 0.5 });
    expect(month('2026-10')).toMatchObject({ buyers: 2, returningBuyers: 2, repeatRate: 1 });
    expect(month('2026-09')).toMatchObject({ buyers: 0, repeatRate: 0 });
  });

  it('a cancelled order is neither a buyer nor revenue', () => {
    expect(report.months.reduce((a, m) => a + m.newRevenueMinor + m.returningRevenueMinor, 0)).toBe(1500 + 2000 + 700 + 3300);
    expect(report.buyers).toBe(4);
    expect(report.repeatBuyers).toBe(3);
    // Lapse after 90 days: only Cat (last order 370 days ago) has lapsed.
    expect(report.lapsedMembers).toBe(1);
  });

  it('repurchase intervals are the days between a member’s orders, same-day orders left out', () => {
    expect([...report.intervalDays]).toEqual([30, 35, 60]);
    expect(repurchaseIntervals(orders, 'UTC').sort((a, b) => a - b)).toEqual([30, 35, 60]);
    expect(report.intervalBins.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(report.lapseSuggestion).toBeUndefined(); // three intervals are too few to suggest from
  });

  it('the lapse curve starts at everyone and steps down only when a member came back', () => {
    const at = (d: number) => report.lapseCurve.notBack[d]!;
    expect(at(0)).toBe(1);
    expect(at(29)).toBe(1);
    // Waits that ended: 30 (Cat), 35 and 60 (Ann); still open today: 5 (Ann), 10 (Bob), 35 (Eve), 370 (Cat).
    // At 30 days five waits are still running (30, 35, 35, 60, 370) and one ends.
    expect(at(30)).toBeCloseTo(4 / 5, 6);
    // At 35: four still running (35 ended, 35 open, 60, 370), one ends; at 60: two, one ends.
    expect(at(35)).toBeCloseTo((4 / 5) * (3 / 4), 6);
    expect(at(60)).toBeCloseTo((4 / 5) * (3 / 4) * (1 / 2), 6);
    expect(at(365)).toBeCloseTo(at(60), 6); // Cat is still away: no further return
    expect(report.lapseCurve.notBack.every((v, i, a) => i === 0 || v <= a[i - 1]!)).toBe(true);
  });

  it('counts members by their stored tier and by RFM segment, members without orders as not scored', () => {
    expect(report.byTier.map((t) => [t.id, t.count])).toEqual([
      ['regular', 4],
      ['silver', 1],
      ['gold', 0],
      ['diamond', 0],
    ]);
    expect(report.bySegment.find((s) => s.segment === 'none')!.count).toBe(1);
    expect(report.bySegment.reduce((a, s) => a + s.count, 0)).toBe(5);
  });

  it('lists top members by spend, best first', () => {
    expect(report.top.map((t) => t.id)).toEqual(['ann', 'cat', 'bob', 'eve']);
    expect(shopReport(members, orders, { ...ctx, top: 2 }).top.map((t) => t.id)).toEqual(['ann', 'cat']);
  });

  it('gives the same figures whatever order the orders come in', () => {
    const shuffled = [...orders].reverse();
    const again = shopReport(members, shuffled, ctx);
    expect(again.months).toEqual(report.months);
    expect(again.lapseCurve).toEqual(report.lapseCurve);
  });

  it('gives the same order figures whatever order the members come in, each member’s orders together (as the order ledger gives them)', () => {
    const byMember = ['eve', 'cat', 'ann', 'dee', 'bob'].flatMap((id) => orders.filter((x) => x.memberId === id).sort((a, b) => a.placedAt - b.placedAt));
    const { intervalDays, ...figures } = orderReportPart(byMember, ctx);
    const { intervalDays: expected, ...rest } = report;
    expect(Object.keys(figures).sort()).toEqual(['byCategory', 'intervalBins', 'lapseCurve', 'lapseSuggestion', 'months', 'otherCurrencyOrders']);
    expect(figures).toEqual(Object.fromEntries(Object.entries(rest).filter(([k]) => k in figures)));
    expect([...intervalDays]).toEqual([...expected]);
  });

  it('leaves orders in another currency out of revenue and says how many', () => {
    const mixed = [...orders, o('bob', 3, 9000, { currency: 'EUR' })];
    const r = shopReport(members, mixed, ctx);
    expect(r.otherCurrencyOrders).toBe(1);
    expect(r.months.at(-1)!.returningRevenueMinor).toBe(2000);
  });

  it('works on an empty shop', () => {
    const r = shopReport([], [], ctx);
    expect(r.buyers).toBe(0);
    expect(r.lapseCurve.notBack[0]).toBe(1);
    expect(r.top).toEqual([]);
  });
});

describe('shopReport at scale', () => {
  it('a lapse suggestion appears once there are enough repeat purchases, matching the intervals', () => {
    const many: ReportOrder[] = [];
    for (let i = 0; i < 50; i++) {
      many.push(o(`m${i}`, 200));
      many.push(o(`m${i}`, 200 - (10 + i)));
    }
    const ms = Array.from({ length: 50 }, (_, i) => member(`m${i}`, many));
    const r = shopReport(ms, many, ctx);
    // Intervals 10..59 days: 80% are within 49 days, so the threshold is the next week: 56.
    expect(r.lapseSuggestion).toMatchObject({ days: 56, intervals: 50 });
  });
});

describe('reports broken down by category', () => {
  const TZ2 = 'UTC';
  const NOW2 = Date.UTC(2026, 11, 1, 12);
  const D = 86_400_000;
  it('counts buyers, repeat rate and intervals per category, and lapsed members by the categories they buy', () => {
    const members: ReportMember[] = [
      // Tea 40 days ago (30-day threshold) but a teapot 100 days ago (400): not lapsed.
      { id: 'a', displayName: 'A', tierId: 'regular', orderCount: 3, spendMinor: 3000, currency: 'USD', lastOrderAt: NOW2 - 40 * D, categoryLastAt: { Tea: NOW2 - 40 * D, Teaware: NOW2 - 100 * D } },
      // Tea only, 40 days ago: lapsed.
      { id: 'b', displayName: 'B', tierId: 'regular', orderCount: 2, spendMinor: 2000, currency: 'USD', lastOrderAt: NOW2 - 40 * D, categoryLastAt: { Tea: NOW2 - 40 * D } },
    ];
    const orders = [
      { memberId: 'a', placedAt: NOW2 - 100 * D, amountMinor: 1000, currency: 'USD', status: 'delivered' as const, items: [{ category: 'Teaware' }] },
      { memberId: 'a', placedAt: NOW2 - 60 * D, amountMinor: 1000, currency: 'USD', status: 'delivered' as const, items: [{ category: 'Tea' }] },
      { memberId: 'a', placedAt: NOW2 - 40 * D, amountMinor: 1000, currency: 'USD', status: 'delivered' as const, items: [{ category: 'Tea' }] },
      { memberId: 'b', placedAt: NOW2 - 70 * D, amountMinor: 1000, currency: 'USD', status: 'delivered' as const, items: [{ category: 'Tea' }] },
      { memberId: 'b', placedAt: NOW2 - 40 * D, amountMinor: 1000, currency: 'USD', status: 'delivered' as const, items: [{ category: 'Tea' }] },
    ];
    const report = shopReport(members, orders, {
      now: NOW2,
      timeZone: TZ2,
      shopCurrency: 'USD',
      tierLadder: DEFAULT_TIER_LADDER,
      rfmBreaks: null,
      lapseDays: 90,
      categoryCycles: { Tea: { lapseDays: 30, cycleDays: 20 }, Teaware: { lapseDays: 400, cycleDays: 365 } },
    });
    expect(report.lapsedMembers).toBe(1);
    expect(report.byCategory.map((c) => [c.category, c.buyers, c.repeatBuyers, c.repeatRate, c.intervalCount, c.medianDays])).toEqual([
      ['Tea', 2, 2, 1, 2, 20],
      ['Teaware', 1, 0, 0, 0, undefined],
    ]);
  });
});
