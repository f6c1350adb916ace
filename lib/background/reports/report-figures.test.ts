// The options page's lapse suggestion and category figures are the report snapshot's (the background
// keeps it from the order ledger): they must equal the figures over every order at once.
import { beforeEach, describe, expect, it } from 'vitest';
import { categoryFigures } from '../../domain/category-figures';
import { repurchaseIntervals, type ReportOrder } from '../../domain/reports';
import type { OrderRow } from '../../domain/rows';
import { suggestLapseDays } from '../../domain/suggest';
import type { RegularsDb } from '../../store/database';
import { readSettings } from '../../store/settings';
import { DAY, memoryDb, NOW } from '../../store/test-helpers';
import { reportKeeper } from './report-snapshot';

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

/** What the options page showed before, computed over every order at once. */
async function overEveryOrder(db: RegularsDb) {
  const { timeZone } = await readSettings(db);
  const all: ReportOrder[] = (await db.orders.toArray()).sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.placedAt - b.placedAt));
  return {
    lapse: suggestLapseDays(repurchaseIntervals(all, timeZone)),
    categories: categoryFigures(all, timeZone).map(({ intervals, ...rest }) => ({ ...rest, intervalCount: intervals.length })),
  };
}

let db: RegularsDb;
beforeEach(async () => {
  db = memoryDb();
  await db.orders.bulkPut(shopOrders(60));
});

describe("the options page's figures, from the report snapshot", () => {
  it('the lapse suggestion and the category figures equal those over every order at once', async () => {
    const { report } = await reportKeeper(db, () => NOW).current();
    const want = await overEveryOrder(db);
    expect(want.lapse).toBeDefined(); // enough repeat purchases to suggest from
    expect(report.lapseSuggestion).toEqual(want.lapse);
    expect(want.categories.map((c) => c.category)).toEqual(['tea', '']); // teaware's orders are all unpaid or refunded
    expect(report.byCategory).toEqual(want.categories);
  });

  it('follow a change of the orders (the page reads them again after an import)', async () => {
    const keeper = reportKeeper(db, () => NOW, undefined, 60_000);
    const before = (await keeper.current()).report;
    const more = shopOrders(90).slice(-200).map((o, i) => ({ ...o, id: `demo:new${i}`, memberId: `n${o.memberId}` }));
    await db.orders.bulkPut(more);
    keeper.schedule(60_000, true);
    const { report } = await keeper.current();
    const want = await overEveryOrder(db);
    expect(report.lapseSuggestion).toEqual(want.lapse);
    expect(report.byCategory).toEqual(want.categories);
    expect(report.byCategory[0]!.buyers).toBeGreaterThan(before.byCategory[0]!.buyers);
  });
});
