import { describe, expect, it } from 'vitest';
import { OrderLedger, type LedgerOrder } from './order-ledger';
import { orderReportOfMembers, orderReportPart, type ReportOrder } from './reports';
import { DAY_MS } from './time';
import { DEFAULT_TIER_LADDER } from './tiers';
import type { OrderStatus } from './types';

const NOW = Date.UTC(2026, 5, 15, 12);
const ctx = { now: NOW, timeZone: 'Asia/Taipei', shopCurrency: 'USD', tierLadder: DEFAULT_TIER_LADDER, rfmBreaks: null, lapseDays: 90 };
const STATUSES: OrderStatus[] = ['delivered', 'paid', 'cancelled', 'unpaid', 'refunded', 'shipped'];

/** Order `n` of a shop: ten members, times over two years, some in another currency, some with categories. */
const orderNo = (n: number, memberOffset = 0): ReportOrder => ({
  memberId: `m${(n * 7 + memberOffset) % 10}`,
  placedAt: NOW - ((n * 37) % 700) * DAY_MS,
  amountMinor: 100 * ((n % 13) + 1),
  currency: n % 5 ? 'USD' : 'EUR',
  status: STATUSES[n % STATUSES.length]!,
  items: n % 4 ? [{ category: n % 2 ? 'tea' : 'teaware' }, {}] : undefined,
});

/** The orders grouped by member and by time then id, as objects (what the report read before the ledger had columns). */
const asObjects = (orders: Map<string, ReportOrder>): LedgerOrder[] =>
  [...orders]
    .map(([id, o]) => ({ id, ...o }))
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.placedAt - b.placedAt || (a.id < b.id ? -1 : 1)));

/** The ledger's orders with its members in id order (it gives them in no set order; within a member, by time then id). */
const inMemberOrder = (ledger: OrderLedger) => ledger.orders().sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));

describe('the order ledger as columns', () => {
  it("gives the report the same order figures, a member's orders at a time, as every order as objects", () => {
    const ledger = new OrderLedger();
    const held = new Map<string, ReportOrder>();
    for (let n = 0; n < 200; n++) {
      ledger.set(`o${n}`, orderNo(n));
      held.set(`o${n}`, orderNo(n));
    }
    expect(ledger.categorised()).toBe(true);
    expect(orderReportOfMembers((use) => ledger.forEachMember(use), ledger.categorised(), ctx)).toEqual(orderReportPart(asObjects(held), ctx));
  });

  it("gives a member's orders placed at the same moment in order of their ids, as strings compare, and without making their ids", () => {
    const ledger = new OrderLedger();
    const ids = ['shopify:#10', 'shopify:#9', 'taobao:订单2', 'taobao:订单10', 'shopify:#100', 'ebay:1'];
    // Each order's amount tells which it is.
    ids.forEach((id, i) => ledger.set(id, { ...orderNo(0), memberId: 'm1', placedAt: NOW, amountMinor: i }));
    const seen: number[] = [];
    ledger.forEachMember((orders) => seen.push(...orders.map((o) => o.amountMinor)));
    expect(seen.map((i) => ids[i])).toEqual([...ids].sort());
    expect(ledger.orders().map((o) => o.id)).toEqual([...ids].sort());
  });

  it('after removals, moves to another member and changes, it holds what a fresh ledger of the same orders holds, and keeps it', () => {
    const ledger = new OrderLedger();
    const held = new Map<string, ReportOrder>();
    const set = (id: string, o: ReportOrder | undefined) => {
      ledger.set(id, o);
      if (o) held.set(id, o);
      else held.delete(id);
    };
    for (let n = 0; n < 120; n++) set(`o${n}`, orderNo(n));
    for (let n = 0; n < 120; n += 3) set(`o${n}`, undefined); // freed slots, taken by the next orders
    for (let n = 1; n < 120; n += 5) set(`o${n}`, orderNo(n, 3)); // another member now (a merge)
    for (let n = 120; n < 150; n++) set(`o${n}`, orderNo(n));
    set('o1', { ...orderNo(1), status: 'refunded', amountMinor: 5 });
    set('missing', undefined);

    const fresh = new OrderLedger();
    for (const [id, o] of held) fresh.set(id, o);
    expect(ledger.size).toBe(held.size);
    expect(inMemberOrder(ledger)).toEqual(asObjects(held));
    expect(ledger.windowFacts(90, NOW, 'USD')).toEqual(fresh.windowFacts(90, NOW, 'USD'));
    const decoded = OrderLedger.decode(ledger.encode());
    expect(inMemberOrder(decoded)).toEqual(asObjects(held));
    // Kept, it names only the members that still have an order.
    expect(ledger.encode().memberNames.split('\u0000').sort()).toEqual([...new Set(asObjects(held).map((o) => o.memberId))]);
    // Read back, it follows further writes.
    decoded.set('o200', orderNo(200));
    decoded.set('o2', undefined);
    held.set('o200', orderNo(200));
    held.delete('o2');
    expect(inMemberOrder(decoded)).toEqual(asObjects(held));
  });

  it('without a category on any order held, the report draws no category figures', () => {
    const ledger = new OrderLedger();
    ledger.set('a', { ...orderNo(1), items: [{ category: 'tea' }] });
    ledger.set('b', { ...orderNo(2), items: [{}] });
    expect(ledger.categorised()).toBe(true);
    ledger.set('a', undefined);
    expect(ledger.categorised()).toBe(false);
  });

  it.each([
    ['an order naming a member the record does not have', { member: Uint32Array.of(0, 5) }],
    ['a column shorter than the count', { placedAt: new Float64Array(1) }],
    ['an id twice', { ids: 'o1\u0000o1' }],
    ['fewer member ids than it counts', { memberCount: 2 }],
  ])('kept columns with %s are refused, not read', (_, broken) => {
    const ledger = new OrderLedger();
    ledger.set('o1', orderNo(1));
    ledger.set('o2', orderNo(1));
    expect(() => OrderLedger.decode({ ...ledger.encode(), ...broken })).toThrow();
  });
});
