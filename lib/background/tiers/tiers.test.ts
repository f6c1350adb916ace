import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIER_LADDER, tierForStats } from '../../domain/tiers';
import type { TierLadder } from '../../domain/types';
import { RegularsDb } from '../../store/database';
import { tiersProtocol } from '../../messaging/protocol-tiers';
import { createHandlers } from '../handlers';
import { sweepReminders } from '../reminders/sweep';
import { readSettings } from '../../store/settings';
import { addTag, lookupByHandle } from '../members/card';
import { memberFacts, memberFactsKeeper } from '../segments/member-snapshot';
import { MEMBER_WRITES, random, randomWrite } from '../writes-test-helpers';
import { importOrders } from '../import/import-orders';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
import { applyTierLadder } from './tiers';
import { movesOf } from '../../domain/tier-moves';
import type { ValidBackup } from '../../domain/backup';
import { backupFile, restoreBackup } from '../../store/backup';
import { readBackup } from '../../store/backup-read';
import { memberHistory } from '../segments/segments';

let db: RegularsDb;
beforeEach(async () => {
  db = memoryDb();
  // lily: 3 orders, 90.00 (Silver on the default ladder); mei: 1 order, 20.00 (Regular);
  // old_tom: 2 orders of 300.00 two years ago (Gold by spend over his lifetime).
  await importOrders(
    db,
    [
      order({ buyer: { handle: 'lily' }, amountMinor: 3000 }),
      order({ buyer: { handle: 'lily' }, amountMinor: 3000, placedAt: NOW - 40 * DAY }),
      order({ buyer: { handle: 'lily' }, amountMinor: 3000, placedAt: NOW - 80 * DAY }),
      order({ buyer: { handle: 'mei' }, amountMinor: 2000 }),
      order({ buyer: { handle: 'old_tom' }, amountMinor: 30000, placedAt: NOW - 700 * DAY }),
      order({ buyer: { handle: 'old_tom' }, amountMinor: 30000, placedAt: NOW - 720 * DAY }),
    ],
    NOW,
  );
});

const tierOf = async (handle: string) => (await lookupByHandle(db, 'demo', handle, NOW))?.member.tierId;
const withThresholds = (silverSpend: number, goldSpend: number): TierLadder => ({
  ...DEFAULT_TIER_LADDER,
  match: 'all',
  steps: DEFAULT_TIER_LADDER.steps.map((s) =>
    s.id === 'silver' ? { ...s, minOrders: undefined, minSpendMinor: silverSpend } : s.id === 'gold' ? { ...s, minOrders: undefined, minSpendMinor: goldSpend } : s,
  ),
});

describe('applying a tier ladder', () => {
  it('re-evaluates every member, saves the ladder and records who moved up and down', async () => {
    expect([await tierOf('lily'), await tierOf('mei'), await tierOf('old_tom')]).toEqual(['silver', 'regular', 'gold']);
    // Silver from 15.00, Gold from 80.00: mei climbs to Silver, lily to Gold; old_tom stays Gold.
    const result = await applyTierLadder(db, withThresholds(1500, 8000), NOW + DAY);
    expect(result).toMatchObject({ members: 3, up: 2, down: 0 });
    expect([await tierOf('lily'), await tierOf('mei'), await tierOf('old_tom')]).toEqual(['gold', 'silver', 'gold']);
    expect((await readSettings(db)).tierLadder.steps[1]!.minSpendMinor).toBe(1500);
    const changes = movesOf(await db.tierChanges.where('at').equals(NOW + DAY).toArray());
    expect(changes.map((c) => [c.from, c.to, c.direction]).sort()).toEqual([
      ['regular', 'silver', 'up'],
      ['silver', 'gold', 'up'],
    ]);
  });

  it('a stricter ladder moves members down, recorded as such, and applying it again changes nothing', async () => {
    const strict = withThresholds(50_000, 100_000);
    expect(await applyTierLadder(db, strict, NOW)).toMatchObject({ up: 0, down: 2 });
    expect(await applyTierLadder(db, strict, NOW)).toMatchObject({ up: 0, down: 0 });
    expect(movesOf(await db.tierChanges.toArray()).filter((c) => c.direction === 'down')).toHaveLength(2);
  });

  it('a rolling 12-month window counts only orders of the last 365 days', async () => {
    const yearly: TierLadder = { ...withThresholds(1500, 8000), window: { days: 365 } };
    await applyTierLadder(db, yearly, NOW);
    expect(await tierOf('old_tom')).toBe('regular'); // his orders are two years old
    expect(await tierOf('lily')).toBe('gold');
    const facts = await createHandlers({ db, now: () => NOW })['tiers.facts']({ window: yearly.window }, {});
    expect(facts.spendMinor.sort((a, b) => a - b)).toEqual([0, 2000, 9000]);
  });

  it("the tier editor's facts are the background's, equal to the member rows' and their orders', and follow a write", async () => {
    const yearly = { days: 365 };
    const facts = createHandlers({ db, now: () => NOW })['tiers.facts'];
    /** Each member's [orderCount, spendMinor] under the window, from the rows. */
    const fromRows = async (days?: number) => {
      const members = await db.members.toArray();
      const orders = await db.orders.toArray();
      const of = (id: string) => orders.filter((o) => o.memberId === id && (days === undefined || o.placedAt >= NOW - days * DAY));
      const spend = (id: string) => of(id).reduce((s, o) => s + o.amountMinor, 0);
      return members.map((m) => String(days === undefined ? [m.orderCount, m.spendMinor] : [of(m.id).length, spend(m.id)])).sort();
    };
    const pairs = ({ orderCount, spendMinor }: { orderCount: number[]; spendMinor: number[] }) => orderCount.map((n, i) => String([n, spendMinor[i]])).sort();
    const rowsRead = vi.spyOn(db.members, 'orderBy');
    expect(pairs(await facts({ window: 'lifetime' }, {}))).toEqual(await fromRows());
    expect(pairs(await facts({ window: yearly }, {}))).toEqual(await fromRows(365));
    expect(rowsRead).not.toHaveBeenCalled();
    rowsRead.mockRestore();
    await importOrders(db, [order({ buyer: { handle: 'mei' }, amountMinor: 4500, placedAt: NOW - DAY })], NOW);
    expect(pairs(await facts({ window: 'lifetime' }, {}))).toEqual(await fromRows());
    expect(pairs(await facts({ window: yearly }, {}))).toEqual(await fromRows(365));
    expect(pairs(await facts({ window: 'lifetime' }, {}))).toContain(String([2, 6500]));
  });

  it('members on a step taken off the ladder move without counting as an upgrade', async () => {
    const noGold: TierLadder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.filter((s) => s.id !== 'gold') };
    const result = await applyTierLadder(db, noGold, NOW);
    expect(await tierOf('old_tom')).toBe('silver');
    expect(result.up).toBe(0);
    const tom = (await lookupByHandle(db, 'demo', 'old_tom', NOW))!.member.id;
    expect((await memberHistory(db, tom)).tierChanges.map((c) => [c.from, c.to, c.direction])).toEqual([['gold', 'silver', 'same']]);
  });

  it('re-ranks without reading or writing a member row, and lists its moves in one record', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => order({ buyer: { handle: `c${i}` }, amountMinor: 500 }));
    await importOrders(db, rows, NOW);
    await memberFacts(db); // kept in the background from its start
    const before = await db.tierChanges.count();
    const reads = [vi.spyOn(db.members, 'bulkGet'), vi.spyOn(db.members, 'toArray'), vi.spyOn(db.members, 'bulkPut'), vi.spyOn(db.members, 'put')];
    // Silver from 4.00: the 200 buyers and mei climb.
    const climb = await applyTierLadder(db, withThresholds(400, 50_000), NOW);
    for (const spy of reads) expect(spy).not.toHaveBeenCalled();
    reads.forEach((spy) => spy.mockRestore());
    expect(climb).toMatchObject({ members: 203, up: 201, down: 0 });
    expect(await db.tierChanges.count()).toBe(before + 1);
    expect(movesOf(await db.tierChanges.toArray()).filter((c) => c.at === NOW)).toHaveLength(201);
    expect(await tierOf('mei')).toBe('silver');
    expect((await memberFacts(db)).filter((m) => m.tierId === 'silver')).toHaveLength(201 + 1); // and lily
  });

  it('an applied tier holds through a tag and a new connection, and gives way to an import that ranks the member again', async () => {
    const meiId = (await lookupByHandle(db, 'demo', 'mei', NOW))!.member.id;
    await applyTierLadder(db, withThresholds(1500, 8000), NOW + DAY); // mei: Regular → Silver
    await addTag(db, meiId, 'gift', NOW + 2 * DAY);
    expect(await tierOf('mei')).toBe('silver');
    const again = new RegularsDb(db.name, { indexedDB: db._options.indexedDB, IDBKeyRange: db._options.IDBKeyRange });
    expect((await again.members.get(meiId))?.tierId).toBe('silver');
    // A stricter ladder, then an order: the import ranks mei with it (70.00: Silver from 50.00).
    await applyTierLadder(db, withThresholds(5000, 80_000), NOW + 3 * DAY);
    expect(await tierOf('mei')).toBe('regular');
    await importOrders(db, [order({ buyer: { handle: 'mei' }, amountMinor: 5000, placedAt: NOW + 3 * DAY })], NOW + 4 * DAY);
    expect(await tierOf('mei')).toBe('silver');
    expect((await again.members.get(meiId))?.tierId).toBe('silver');
    const third = new RegularsDb(db.name, { indexedDB: db._options.indexedDB, IDBKeyRange: db._options.IDBKeyRange });
    expect((await third.members.get(meiId))?.tierId).toBe('silver');
    expect((await memberHistory(db, meiId)).tierChanges.map((c) => [c.from, c.to])).toEqual([
      ['regular', 'silver'],
      ['silver', 'regular'],
      ['regular', 'silver'],
    ]);
    again.close();
    third.close();
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'after random imports, ladder edits, merges, separations and restores every member shows the tier of the ladder (seed %i)',
    { timeout: 60_000 },
    async (seed) => {
      const store = memoryDb(undefined, undefined, `random-tiers-${seed}`);
      const keeper = memberFactsKeeper(store, 60_000);
      await keeper.current();
      const r = random(seed);
      const expectTiersOfLadder = async () => {
        const { tierLadder } = await readSettings(store);
        const rows = await store.members.toArray();
        const wanted = new Map(rows.map((m) => [m.id, tierForStats(tierLadder, m).id]));
        expect(new Map(rows.map((m) => [m.id, m.tierId]))).toEqual(wanted);
        expect(new Map((await memberFacts(store)).map((m) => [m.id, m.tierId]))).toEqual(wanted);
      };
      for (let step = 0; step < 40; step++) {
        await randomWrite(store, r, step, [...MEMBER_WRITES, 'ladder', 'ladder']);
        if (step % 5 === 4) await expectTiersOfLadder();
      }
      await expectTiersOfLadder();
      keeper.stop();
    },
  );

  it('a ladder that moves a recent buyer down makes no tier-upgrade reminder', async () => {
    await importOrders(db, [order({ buyer: { handle: 'lily' }, amountMinor: 1000, placedAt: NOW - DAY })], NOW);
    await applyTierLadder(db, withThresholds(50_000, 100_000), NOW); // lily: Silver → Regular
    await sweepReminders(db, NOW);
    expect(await tierOf('lily')).toBe('regular');
    expect((await db.reminders.toArray()).filter((r) => r.id.startsWith('tierUp:'))).toEqual([]);
  });

  it('a backup taken after a re-rank restores its tiers and moves, over the tiers of a later re-rank', async () => {
    await applyTierLadder(db, withThresholds(1500, 8000), NOW + DAY);
    const tiers = async (store: RegularsDb) => (await store.members.toArray()).map((m) => [m.displayName, m.tierId]).sort();
    const backedUp = await tiers(db);
    expect(backedUp).toEqual([['lily', 'gold'], ['mei', 'silver'], ['old_tom', 'gold']]);
    const file = await readBackup((await backupFile(db, NOW + DAY)).blob);
    await applyTierLadder(db, withThresholds(50_000, 100_000), NOW + 2 * DAY); // everyone Regular
    await restoreBackup(db, file as ValidBackup);
    expect(await tiers(db)).toEqual(backedUp);
    const again = new RegularsDb(db.name, { indexedDB: db._options.indexedDB, IDBKeyRange: db._options.IDBKeyRange });
    expect(await tiers(again)).toEqual(backedUp);
    expect(movesOf(await again.tierChanges.toArray()).map((c) => [c.from, c.to]).sort()).toEqual([
      ['regular', 'silver'],
      ['silver', 'gold'],
    ]);
    again.close();
  });

  it('answers the tiers.apply message with the figures, and refuses a ladder whose thresholds fall as it climbs', async () => {
    const handlers = createHandlers({ db, now: () => NOW });
    await expect(handlers['tiers.apply']({ ladder: withThresholds(1500, 8000) }, {})).resolves.toMatchObject({ members: 3, up: 2 });
    const falling = tiersProtocol['tiers.apply'].request.safeParse({ ladder: withThresholds(8000, 1500) });
    expect(falling.success).toBe(false);
    expect(falling.error?.issues[0]?.message).toBe('Thresholds must not decrease up the ladder');
  });

  it('a ladder that moves a recent buyer up is followed by a tier-upgrade reminder for them (the background sweeps on onTiersChanged)', async () => {
    // Lily ordered yesterday; her other orders (and everyone else's) are older than the rule's week.
    await importOrders(db, [order({ buyer: { handle: 'lily' }, amountMinor: 1000, placedAt: NOW - DAY })], NOW);
    let swept: Promise<unknown> = Promise.resolve();
    const handlers = createHandlers({ db, now: () => NOW, onTiersChanged: () => (swept = sweepReminders(db, NOW)) });
    await handlers['tiers.apply']({ ladder: withThresholds(1500, 8000) }, {});
    await swept;
    const lily = (await lookupByHandle(db, 'demo', 'lily', NOW))!;
    const upgrades = (await db.reminders.toArray()).filter((r) => r.id.startsWith('tierUp:'));
    expect(upgrades.map((r) => r.memberId)).toContain(lily.member.id);
    // Mei moved up too, but on an order ten days old: no occasion to reach out.
    const mei = (await lookupByHandle(db, 'demo', 'mei', NOW))!;
    expect(mei.member.tierId).toBe('silver');
    expect(upgrades.map((r) => r.memberId)).not.toContain(mei.member.id);
  });
});
