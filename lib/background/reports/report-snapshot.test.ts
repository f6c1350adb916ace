import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import { reportKeeper } from './report-snapshot';
import { readReportSnapshot, readSnapshotState, reportStamp } from '../../store/report-snapshot';
import { onLaneJob } from '../lane';
import { readSettings, writeSettings } from '../../store/settings';
import { readReportData } from '../../store/report-data';
import { shopReport } from '../../domain/reports';
import { importOrders } from '../import/import-orders';
import { DAY, memoryDb, NOW, order } from '../test-helpers';

let db: RegularsDb;
beforeEach(async () => {
  db = memoryDb();
  await importOrders(db, [order({ amountMinor: 3000 }), order({ amountMinor: 2000, placedAt: NOW - 40 * DAY }), order({ buyer: { handle: 'mei' } })], NOW);
});

describe('the report snapshot', () => {
  it('is computed on first need and then served as it is while nothing changed', async () => {
    let now = NOW;
    const keeper = reportKeeper(db, () => now, undefined, 5);
    expect((await readSnapshotState(db, now)).snapshot).toBeUndefined();
    const first = await keeper.current();
    expect(first.report).toMatchObject({ members: 2, buyers: 2, repeatBuyers: 1 });
    expect((await readSnapshotState(db, now)).fresh).toBe(true);
    expect(await keeper.current()).toEqual(first); // no recomputation: same stamp, same timing

    now += DAY; // a new day moves recency: stale
    expect((await readSnapshotState(db, now)).fresh).toBe(false);
  });

  it.each([
    [
      'new orders arrive (the background tells the keeper)',
      async (keeper: ReturnType<typeof reportKeeper>) => {
        await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
        keeper.schedule();
      },
      3,
    ],
    ['the lapse threshold changes', () => writeSettings(db, { lapseDays: 30 }), 2],
  ])('goes stale when %s, and is recomputed with the new figures', async (_what, change, members) => {
    const keeper = reportKeeper(db, () => NOW, undefined, 60_000);
    await keeper.current();
    await change(keeper);
    await expect.poll(async () => (await readSnapshotState(db, NOW)).fresh).toBe(false);
    const next = await keeper.current();
    expect(next.report.members).toBe(members);
    expect((await readSnapshotState(db, NOW)).fresh).toBe(true);
    expect(next.stamp).toBe((await readReportSnapshot(db))!.stamp);
  });

  it('a change during a computation leaves the result stale, so it is computed again', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const keeper = reportKeeper(db, () => NOW, () => gate, 60_000);
    const computing = keeper.current();
    await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
    keeper.schedule(); // the import finished while the computation was waiting to read
    release();
    await computing;
    expect((await readSnapshotState(db, NOW)).fresh).toBe(false);
    expect((await keeper.current()).report.members).toBe(3);
  });

  it('after orders change, one computation brings the RFM cut points up to date and scores the report with them', async () => {
    const keeper = reportKeeper(db, () => NOW, undefined, 5);
    await keeper.current();
    expect((await readSettings(db)).rfmBreaks).toBeNull();
    await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
    keeper.schedule(5, true);
    await expect.poll(async () => (await readSnapshotState(db, NOW)).fresh).toBe(true);
    const { rfmBreaks } = await readSettings(db);
    expect(rfmBreaks).toMatchObject({ computedAt: NOW, members: 3 });
    const rows = await readReportData(db);
    expect((await keeper.current()).report.bySegment).toEqual(shopReport(rows.members, rows.orders, { ...rows.settings, now: NOW }).bySegment);
  });

  it('a page asking right after orders change is answered at once with them, and the scheduled refresh is not computed again', async () => {
    const computations: string[] = [];
    // This store's keeper only: the unit test files share their modules, and a keeper of another file's store may still run.
    onLaneJob((job) => job.lane === 'report' && job.owner === db.name && computations.push(job.lane));
    try {
      const keeper = reportKeeper(db, () => NOW, undefined, 50);
      await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
      keeper.schedule(50, true);
      const answer = await keeper.current(); // before the keeper's pause ends
      expect(answer.report.members).toBe(3);
      expect(answer.stamp).toBe(reportStamp(await readSettings(db), NOW)); // scored with the new cut points
      await new Promise((r) => setTimeout(r, 200));
      expect(computations).toHaveLength(1);
    } finally {
      onLaneJob(undefined);
    }
  });

  it('is kept out of the settings the rest of the extension reads', async () => {
    await reportKeeper(db, () => NOW).current();
    expect(Object.keys(await readSettings(db))).not.toContain('reportSnapshot');
  });

  it('a refresh scheduled during a burst of changes brings the snapshot up to date after it', async () => {
    const keeper = reportKeeper(db, () => NOW, undefined, 5);
    for (let i = 0; i < 5; i++) keeper.schedule();
    await expect.poll(async () => (await readSnapshotState(db, NOW)).fresh, { timeout: 10_000 }).toBe(true);
  });
});

describe('the snapshot from the kept figures', () => {
  it.each([
    ['a change to members alone (a tier moved)', async () => {
      const mei = (await db.members.toArray()).find((m) => m.orderCount === 1)!;
      await db.members.put({ ...mei, tierId: 'gold' });
    }],
    ['new orders', () => importOrders(db, [order({ buyer: { handle: 'ann' }, amountMinor: 999 }), order({ buyer: { handle: 'mei' }, placedAt: NOW - 400 * DAY })], NOW)],
    ['an order cancelled', async () => {
      const first = (await db.orders.toArray())[0]!;
      await db.orders.put({ ...first, status: 'cancelled' });
    }],
  ])('after %s equals the report computed from every row', async (_what, change) => {
    const keeper = reportKeeper(db, () => NOW, undefined, 60_000);
    await keeper.current();
    await change();
    keeper.schedule();
    await expect.poll(async () => (await readSnapshotState(db, NOW)).fresh).toBe(false);
    const kept = await keeper.current();
    const rows = await readReportData(db);
    const { intervalDays: _dropped, ...full } = shopReport(rows.members, rows.orders, { ...rows.settings, now: NOW });
    expect({ ...kept.report, generatedAt: 0 }).toEqual({ ...full, generatedAt: 0 });
    expect(kept.report.top.every((m) => m.displayName)).toBe(true); // names read for the top members
  });
});
