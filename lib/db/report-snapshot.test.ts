import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from './database';
import { readReportSnapshot, readSnapshotState, reportKeeper } from './report-snapshot';
import { readSettings, writeSettings } from './settings';
import { importOrders } from './store';
import { DAY, memoryDb, NOW, order } from './test-helpers';

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
    ['new orders arrive', async () => void (await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW))],
    ['the lapse threshold changes', () => writeSettings(db, { lapseDays: 30 })],
  ])('goes stale when %s, and is recomputed with the new figures', async (_what, change) => {
    const keeper = reportKeeper(db, () => NOW, undefined, 5);
    await keeper.current();
    await change();
    expect((await readSnapshotState(db, NOW)).fresh).toBe(false);
    const next = await keeper.current();
    expect((await readSnapshotState(db, NOW)).fresh).toBe(true);
    expect(next.stamp).toBe((await readReportSnapshot(db))!.stamp);
  });

  it('is kept out of the settings the rest of the extension reads', async () => {
    await reportKeeper(db, () => NOW).current();
    expect(Object.keys(await readSettings(db))).not.toContain('reportSnapshot');
  });

  it('a refresh scheduled during a burst of changes brings the snapshot up to date after it', async () => {
    const keeper = reportKeeper(db, () => NOW, undefined, 5);
    for (let i = 0; i < 5; i++) keeper.schedule();
    await new Promise((r) => setTimeout(r, 300));
    expect((await readSnapshotState(db, NOW)).fresh).toBe(true);
  });
});
