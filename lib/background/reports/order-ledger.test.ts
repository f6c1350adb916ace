import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderReportOfMembers, orderReportPart, shopReport } from '../../domain/reports';
import type { OrderRow } from '../../domain/rows';
import { memberStats } from '../../domain/stats';
import type { TierFacts } from '../../domain/suggest';
import { DAY_MS } from '../../domain/time';
import type { RegularsDb } from '../../store/database';
import { chunking, keptValue } from '../../store/kept-chunks';
import { decodeKept, LEDGER_KEY, readKeptColumns } from '../../store/order-ledger';
import { readReportData } from '../../store/report-data';
import { sessionCache } from '../import/import-cache';
import { importOrders } from '../import/import-orders';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
import { random, randomWrite } from '../writes-test-helpers';
import { ledgerLoads, orderLedgerKeeper, type LedgerKeeper } from './order-ledger';

let db: RegularsDb;
let keeper: LedgerKeeper;
beforeEach(() => {
  db = memoryDb();
  keeper = orderLedgerKeeper(db, 60_000);
});
afterEach(() => keeper.stop());

/** Counted orders and spend per member of the orders placed at or after `now - days`, from the rows (members without one absent). */
function windowFactsOfRows(orders: readonly OrderRow[], days: number, now: number, shopCurrency: string): Map<string, TierFacts> {
  const byMember = new Map<string, OrderRow[]>();
  for (const o of orders) if (o.placedAt >= now - days * DAY_MS) (byMember.get(o.memberId) ?? byMember.set(o.memberId, []).get(o.memberId)!).push(o);
  return new Map([...byMember].map(([id, list]) => [id, (({ orderCount, spendMinor }) => ({ orderCount, spendMinor }))(memberStats(list, shopCurrency))]));
}

/** The figures from the ledger equal those from the rows: the report's order figures, and rolling windows of two lengths. */
async function expectLedgerMatchesRows(k: LedgerKeeper = keeper) {
  const ledger = await k.current();
  const rows = await readReportData(db);
  const ctx = { ...rows.settings, now: NOW, categoryCycles: {} };
  expect(ledger.size).toBe(rows.orders.length);
  expect(shopReport(rows.members, ledger.orders(), ctx)).toEqual(shopReport(rows.members, rows.orders, ctx));
  // What the report snapshot reads: a member's orders at a time from the columns.
  const byMember = [...(rows.orders as OrderRow[])].sort(
    (a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.placedAt - b.placedAt || (a.id < b.id ? -1 : 1)),
  );
  expect(orderReportOfMembers((use) => ledger.forEachMember(use), ledger.categorised(), ctx)).toEqual(orderReportPart(byMember, ctx));
  for (const days of [30, 365]) expect(ledger.windowFacts(days, NOW, 'USD')).toEqual(windowFactsOfRows(rows.orders as OrderRow[], days, NOW, 'USD'));
}

describe('the order ledger kept from the change stream', () => {
  it.each([1, 2, 3, 4, 5, 6])('equals the rows after a random sequence of writes (seed %i)', async (seed) => {
    await keeper.current(); // followed from the empty store on
    const r = random(seed);
    for (let step = 0; step < 30; step++) {
      await randomWrite(db, r, step);
      if (step % 10 === 9) await expectLedgerMatchesRows();
    }
    await expectLedgerMatchesRows();
  });

  it('is built from the rows when first asked, then follows', async () => {
    await importOrders(db, [order({ buyer: { handle: 'ann' } }), order({ buyer: { handle: 'bo' }, placedAt: NOW - 400 * DAY })], NOW);
    const scans = ledgerLoads.scans;
    await expectLedgerMatchesRows();
    expect(ledgerLoads.scans).toBe(scans + 1);
    await importOrders(db, [order({ buyer: { handle: 'ann' }, placedAt: NOW - 2 * DAY })], NOW);
    await expectLedgerMatchesRows();
    expect(ledgerLoads.scans).toBe(scans + 1); // followed, not read again
  });

  it('is saved with the orders mark and read back by a worker that wakes, while no order changed', async () => {
    await importOrders(db, [order({ buyer: { handle: 'ann' }, status: 'cancelled' }), order({ buyer: { handle: 'bo' } })], NOW);
    await keeper.current();
    expect(await keeper.save()).toBe(true);
    expect(decodeKept(await readKeptColumns(db))!.orders()).toEqual((await keeper.current()).orders());

    const woken = orderLedgerKeeper(db, 60_000);
    woken.start();
    const disk = ledgerLoads.disk;
    await expectLedgerMatchesRows(woken);
    expect(ledgerLoads.disk).toBe(disk + 1);
    // Written after the wake: followed on top of what was read.
    await importOrders(db, [order({ buyer: { handle: 'chen' } })], NOW);
    await expectLedgerMatchesRows(woken);
    woken.stop();
  });

  it('a record older than the orders (a crash before the save) is not used: the rows are read', async () => {
    await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
    await keeper.current();
    await keeper.save();
    keeper.stop(); // the worker dies, and an order is written before the next save
    await importOrders(db, [order({ buyer: { handle: 'bo' } })], NOW);
    expect(await readKeptColumns(db)).toBeUndefined();
    keeper = orderLedgerKeeper(db, 60_000);
    await expectLedgerMatchesRows();
  });

  it('a record that no longer reads is read from the rows instead', async () => {
    await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
    await keeper.current();
    await keeper.save();
    const row = (await db.caches.get(LEDGER_KEY))!;
    await db.caches.put({ ...row, value: { ...(row.value as object), count: 7 } });
    keeper.stop();
    keeper = orderLedgerKeeper(db, 60_000);
    await expectLedgerMatchesRows();
  });

  it('a keep of an older build (one value holding the columns) is read from the rows again', async () => {
    await importOrders(db, [order({ buyer: { handle: 'ann' } }), order({ buyer: { handle: 'bo' } })], NOW);
    await keeper.current();
    await keeper.save();
    const row = (await db.caches.get(LEDGER_KEY))!;
    const { version: _, ...columns } = row.value as { version: number };
    await db.caches.put({ ...row, value: { version: 1, columns } });
    expect(await readKeptColumns(db)).toBeUndefined();
    keeper.stop();
    keeper = orderLedgerKeeper(db, 60_000);
    const scans = ledgerLoads.scans;
    await expectLedgerMatchesRows();
    expect(ledgerLoads.scans).toBe(scans + 1);
  });

  it('a keep of version 2 (member ids as an array) is read from the rows again', async () => {
    await importOrders(db, [order({ buyer: { handle: 'ann' } }), order({ buyer: { handle: 'bo' } })], NOW);
    await keeper.current();
    await keeper.save();
    const row = (await db.caches.get(LEDGER_KEY))!;
    const value = (await keptValue<{ memberNames: string; memberCount?: number }>(db, LEDGER_KEY, row.value))!;
    const { memberCount: _, ...older } = { ...value, version: 2, memberNames: value.memberNames.split('\u0000') };
    await db.caches.put({ ...row, value: older });
    expect(await readKeptColumns(db)).toBeUndefined();
    keeper.stop();
    keeper = orderLedgerKeeper(db, 60_000);
    const scans = ledgerLoads.scans;
    await expectLedgerMatchesRows();
    expect(ledgerLoads.scans).toBe(scans + 1);
  });

  describe('kept in parts of bounded size', () => {
    let bytes: number;
    beforeEach(() => {
      bytes = chunking.bytes;
      chunking.bytes = 64;
    });
    afterEach(() => void (chunking.bytes = bytes));
    const parts = async () => (await db.caches.where('key').startsWith(`${LEDGER_KEY}|`).toArray()).map((r) => r.value as { byteLength?: number; length: number });
    const handles = Array.from({ length: 30 }, (_, i) => `buyer-${i}`);

    it('is saved in parts no bigger than the limit, and a worker that wakes reads it back from them', async () => {
      await importOrders(db, handles.map((handle) => order({ buyer: { handle } })), NOW);
      await keeper.current();
      expect(await keeper.save()).toBe(true);
      const saved = await parts();
      expect(saved.length).toBeGreaterThan(5);
      for (const p of saved) expect(p.byteLength ?? p.length * 2).toBeLessThanOrEqual(64);
      const woken = orderLedgerKeeper(db, 60_000);
      const disk = ledgerLoads.disk;
      await expectLedgerMatchesRows(woken);
      expect(ledgerLoads.disk).toBe(disk + 1);
      woken.stop();
    });

    it('a save cut short (a part missing) is not trusted: the rows are read', async () => {
      await importOrders(db, handles.map((handle) => order({ buyer: { handle } })), NOW);
      await keeper.current();
      await keeper.save();
      const [first] = await db.caches.where('key').startsWith(`${LEDGER_KEY}|`).primaryKeys();
      await db.caches.delete(first!);
      expect(await readKeptColumns(db)).toBeUndefined();
      const woken = orderLedgerKeeper(db, 60_000);
      const scans = ledgerLoads.scans;
      await expectLedgerMatchesRows(woken);
      expect(ledgerLoads.scans).toBe(scans + 1);
      woken.stop();
    });
  });

  it("is not saved between an import session's batches, only once they stop; a write of its own is saved after the short pause", async () => {
    keeper.stop();
    keeper = orderLedgerKeeper(db, 5, 2000);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** Orders in the ledger kept on disk, when it is current (none: not saved since the last write). */
    const keptOrders = async () => decodeKept(await readKeptColumns(db))?.size ?? 0;
    await keeper.current();
    const cache = await sessionCache(db, 'ledger-session', 'import:ledger-session');
    // Batches 100 ms apart: more than the keeper's pause after a write, less than its pause after an import's.
    for (const handle of ['ann', 'bo', 'chen', 'dee']) {
      await importOrders(db, [order({ buyer: { handle } })], NOW, cache);
      await wait(100);
      expect(await keptOrders()).toBe(0);
    }
    await wait(2500);
    expect(await keptOrders()).toBe(4);

    await importOrders(db, [order({ buyer: { handle: 'eve' } })], NOW);
    await wait(500);
    expect(await keptOrders()).toBe(5);
  });
});
