import { beforeEach, describe, expect, it } from 'vitest';
import { categoryFigures } from '../domain/category-figures';
import { OrderLedger } from '../domain/order-ledger';
import { repurchaseIntervals, type ReportOrder } from '../domain/reports';
import type { OrderRow } from '../domain/rows';
import type { RegularsDb } from './database';
import { forEachMembersOrders } from './member-orders';
import { readKeptColumns, writeKeptLedger } from './order-ledger';
import { readCategoryFigures, readRepurchaseIntervals } from './report-data';
import { DAY, memoryDb, NOW } from './test-helpers';

const TZ = 'Asia/Taipei';
const STATUSES: OrderRow['status'][] = ['paid', 'delivered', 'unpaid', 'cancelled', 'refunded', 'shipped'];

/** Orders of members m0..m(n-1): member i has (i * 7) % 9 orders (m0 none; one member with 12), at scattered times. */
function shopOrders(members: number): OrderRow[] {
  const rows: OrderRow[] = [];
  let seq = 0;
  for (let m = 0; m < members; m++) {
    const count = m === 5 ? 12 : (m * 7) % 9;
    for (let k = 0; k < count; k++) {
      seq++;
      rows.push({
        id: `demo:o${seq}`,
        platform: 'demo',
        orderNo: `o${seq}`,
        memberId: `m${String(m).padStart(3, '0')}`,
        buyer: `b${m}`,
        amountMinor: 100 * ((seq % 13) + 1),
        currency: 'USD',
        status: STATUSES[seq % STATUSES.length]!,
        placedAt: NOW - ((seq * 37) % 400) * DAY,
        items: [{ title: 'Tea', quantity: 1, priceMinor: 100, ...(seq % 3 ? { category: seq % 2 ? 'tea' : 'teaware' } : {}) }],
        updatedAt: NOW,
      });
    }
  }
  return rows;
}

/** Each member's orders as the calls handed them over: member id → the orders' times, in the order given. */
async function handedOver(db: RegularsDb, pageSize?: number) {
  const calls: string[] = [];
  const got = new Map<string, number[]>();
  await forEachMembersOrders(db, (orders) => {
    const id = orders[0]!.memberId;
    calls.push(id);
    expect(orders.every((o) => o.memberId === id)).toBe(true);
    got.set(id, orders.map((o) => o.placedAt));
  }, pageSize);
  return { calls, got };
}

function expected(rows: readonly OrderRow[]) {
  const byMember = new Map<string, number[]>();
  const sorted = [...rows].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  for (const o of sorted) (byMember.get(o.memberId) ?? byMember.set(o.memberId, []).get(o.memberId)!).push(o.placedAt);
  for (const times of byMember.values()) times.sort((a, b) => a - b);
  return byMember;
}

let db: RegularsDb;
let rows: OrderRow[];
beforeEach(async () => {
  db = memoryDb();
  rows = shopOrders(30);
  await db.orders.bulkPut(rows);
});

describe("every member's orders, one member at a time", () => {
  it.each([1, 4, 5, 11, 12, 13, 1000])('from the rows, a page of %i at a time: each member once, whole, by time, in id order', async (pageSize) => {
    expect(await readKeptColumns(db)).toBeUndefined();
    const { calls, got } = await handedOver(db, pageSize);
    const want = expected(rows);
    expect(calls).toEqual([...want.keys()]);
    expect(got).toEqual(want);
  });

  it('from the kept ledger when it is current: the same members and orders', async () => {
    const ledger = new OrderLedger();
    for (const o of rows) ledger.set(o.id, o);
    expect(await writeKeptLedger(db, ledger, () => true)).toBe(true);
    expect(await readKeptColumns(db)).toBeDefined();
    const { calls, got } = await handedOver(db, 4);
    const want = expected(rows);
    expect(calls).toEqual([...want.keys()]);
    expect(got).toEqual(want);
  });

  it.each([false, true])('the lapse suggestion and category figures read this way equal those over every order at once (kept ledger: %s)', async (kept) => {
    if (kept) {
      const ledger = new OrderLedger();
      for (const o of rows) ledger.set(o.id, o);
      await writeKeptLedger(db, ledger, () => true);
    }
    const all: ReportOrder[] = [...rows].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.placedAt - b.placedAt));
    expect(await readRepurchaseIntervals(db, TZ)).toEqual(repurchaseIntervals(all, TZ));
    expect(await readCategoryFigures(db, TZ)).toEqual(categoryFigures(all.map((o) => ({ ...o })), TZ));
  });
});
