// The tier keeper: after any sequence of imports, ladder edits, merges, unmerges, team sync batches and a restore,
// every member shows the tier its orders reach on the saved ladder, the member facts agree, and
// the moves recorded lead each member to the tier it shows.
import { describe, expect, it } from 'vitest';
import { memberStats } from '../../domain/stats';
import { movesOf } from '../../domain/tier-moves';
import { DEFAULT_TIER_LADDER, tierForStats } from '../../domain/tiers';
import type { TierLadder } from '../../domain/types';
import type { ValidBackup } from '../../domain/backup';
import { backupFile, restoreBackup } from '../../store/backup';
import { readBackup } from '../../store/backup-read';
import type { RegularsDb } from '../../store/database';
import { importOrders } from '../import/import-orders';
import { mergeMembers, unmergeIdentity } from '../members/merge';
import { memberFacts } from '../segments/member-snapshot';
import { DAY, keepTiers, memoryDb, NOW, order } from '../test-helpers';
import { applyTierLadder } from './tiers';
import { onLaneJob } from '../lane';
import { writeSettings } from '../../store/settings';
import { writeJourneySettings } from '../../store/journey-settings';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { identityDocFromRow, memberDocFromRow, orderDocFromRow } from '../../domain/sync/row-to-doc';
import { applyDocs } from '../sync/incoming';
import { SyncStateDb } from '../sync/state';
import type { SyncContext } from '../sync/sync-rows';

/**
 * Another agent's machine: it imports orders of its own buyers, and each batch it sends is applied
 * here as team sync applies what arrives (its members, identities and orders, one transaction).
 */
function teamMate(db: RegularsDb, seed: number) {
  const factory = new IDBFactory();
  const remote = memoryDb(undefined, factory, `tier-keeper-remote-${seed}`);
  const state = new SyncStateDb(`tier-keeper-sync-${seed}`, { indexedDB: factory, IDBKeyRange });
  const ctx = { db, state, client: undefined as never, me: 'bob', now: () => NOW, skip: () => undefined } as SyncContext;
  return {
    async sends(orders: Parameters<typeof importOrders>[1]) {
      await importOrders(remote, orders, NOW);
      const orderNos = new Set(orders.map((o) => `${o.platform}:${o.orderNo}`));
      const sent = (await remote.orders.toArray()).filter((o) => orderNos.has(o.id));
      const memberIds = [...new Set(sent.map((o) => o.memberId))];
      const members = (await remote.members.bulkGet(memberIds)).filter((m) => m !== undefined);
      const identities = await remote.identities.where('memberId').anyOf(memberIds).toArray();
      const docs = [
        ...members.map((m) => memberDocFromRow(m, undefined, 'bob')),
        ...identities.map((i) => identityDocFromRow(i, undefined, 'bob', NOW)),
        ...sent.map((o) => orderDocFromRow(o, undefined, 'bob', NOW)),
      ];
      await applyDocs(ctx, docs.map((doc) => ({ doc, rev: undefined })));
    },
    close() {
      remote.close();
      state.close();
    },
  };
}

const BUYERS = ['ana', 'bo', 'cy', 'di', 'ed', 'fay'];
/** Buyers another agent's machine imports (team sync brings them here). */
const TEAM_BUYERS = ['gus', 'hal'];

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const ladders: TierLadder[] = [
  DEFAULT_TIER_LADDER,
  { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'silver' ? { ...s, minSpendMinor: 3000 } : s)) },
  { ...DEFAULT_TIER_LADDER, window: { days: 30 } },
];

/** Each member's tier from its orders, as the ladder in force says. */
async function tiersFromRows(db: RegularsDb, now: number): Promise<Record<string, string>> {
  const ladder = db.memberTiers.ladder;
  const out: Record<string, string> = {};
  for (const m of await db.members.toArray()) {
    const orders = (await db.orders.where('memberId').equals(m.id).toArray()).filter((o) => ladder.window === 'lifetime' || o.placedAt >= now - ladder.window.days * DAY);
    out[m.id] = tierForStats(ladder, memberStats(orders, 'USD')).id;
  }
  return out;
}

async function shown(db: RegularsDb): Promise<Record<string, string>> {
  return Object.fromEntries((await db.members.toArray()).map((m) => [m.id, m.tierId]));
}

describe('every member tier, kept from the change stream', () => {
  it.each([1, 2, 3, 4])('equals the tier from the rows after a random sequence of writes (seed %i)', async (seed) => {
    const next = random(seed);
    const db = memoryDb(undefined, undefined, `tier-keeper-${seed}`);
    const tiers = await keepTiers(db);
    const mate = teamMate(db, seed);
    let n = 0;
    for (let step = 0; step < 16; step++) {
      const pick = next();
      if (pick < 0.15) {
        const rows = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
          order({ orderNo: `t${seed}-${n++}`, buyer: { handle: TEAM_BUYERS[Math.floor(next() * TEAM_BUYERS.length)]! }, amountMinor: Math.floor(next() * 60_000), placedAt: NOW - Math.floor(next() * 90) * DAY }),
        );
        await mate.sends(rows);
      } else if (pick < 0.55) {
        const rows = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
          order({ orderNo: `s${seed}-${n++}`, buyer: { handle: BUYERS[Math.floor(next() * BUYERS.length)]! }, amountMinor: Math.floor(next() * 60_000), placedAt: NOW - Math.floor(next() * 90) * DAY }),
        );
        await importOrders(db, rows, NOW);
      } else if (pick < 0.75) {
        await applyTierLadder(db, ladders[Math.floor(next() * ladders.length)]!, NOW);
      } else if (pick < 0.9) {
        const members = await db.members.toArray();
        if (members.length >= 2) await mergeMembers(db, members[0]!.id, members[1]!.id, NOW);
      } else {
        const identities = await db.identities.toArray();
        const byMember = new Map<string, number>();
        for (const i of identities) byMember.set(i.memberId, (byMember.get(i.memberId) ?? 0) + 1);
        const split = identities.find((i) => byMember.get(i.memberId)! > 1);
        if (split) await unmergeIdentity(db, split.id, NOW);
      }
      await tiers.settled();
      const expected = await tiersFromRows(db, NOW);
      expect(await shown(db), `step ${step}`).toEqual(expected);
      expect(Object.fromEntries((await memberFacts(db)).map((m) => [m.id, m.tierId])), `facts, step ${step}`).toEqual(expected);
    }
    const now = await shown(db);

    // A restore gives back the same tiers, and records no move.
    const before = await db.tierChanges.count();
    const file = await readBackup((await backupFile(db, NOW)).blob);
    await restoreBackup(db, file as ValidBackup);
    await tiers.settled();
    expect(await shown(db)).toEqual(now);
    expect(await db.tierChanges.count()).toBe(before);
    tiers.stop();
    mate.close();
    db.close();
  });

  it('a setting other than the ladder (the reminders\' notified time, a journey) starts no tier work; a ladder arriving as a setting re-ranks everyone', async () => {
    const db = memoryDb(undefined, undefined, 'tier-keeper-settings');
    const tiers = await keepTiers(db);
    await importOrders(db, [order({ buyer: { handle: 'ana' }, amountMinor: 20_000 }), order({ buyer: { handle: 'bo' }, amountMinor: 500 })], NOW);
    await tiers.settled();
    const jobs: string[] = [];
    // This store's keeper only: the unit test files share their modules, and a keeper of another file's store may still run.
    onLaneJob((job) => job.lane === 'tiers' && job.owner === db.name && jobs.push(job.lane));
    try {
      await db.settings.put({ key: 'remindersNotifiedThrough', value: NOW });
      await writeJourneySettings(db, { rules: { birthday: { enabled: false } } });
      await tiers.settled();
      // settled() itself is one job: nothing else ran.
      expect(jobs).toHaveLength(1);
      // As team sync writes the team's ladder: a setting, not an apply here.
      const ladder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'silver' ? { ...s, minSpendMinor: 30_000 } : s)) };
      await writeSettings(db, { tierLadder: ladder });
      await tiers.settled();
      expect(await shown(db)).toEqual(await tiersFromRows(db, NOW));
      expect(movesOf(await db.tierChanges.toArray()).map((m) => [m.from, m.to])).toEqual([['silver', 'regular']]);
    } finally {
      onLaneJob(undefined);
      tiers.stop();
      db.close();
    }
  });

  it('a member first seen gets its tier without a move; one who climbs moves up, one who falls moves down', async () => {
    const db = memoryDb(undefined, undefined, 'tier-keeper-moves');
    const tiers = await keepTiers(db);
    await importOrders(db, [order({ buyer: { handle: 'ana' }, amountMinor: 60_000 }), order({ buyer: { handle: 'bo' }, amountMinor: 500 })], NOW);
    await tiers.settled();
    expect(await db.tierChanges.count()).toBe(0);
    await importOrders(db, [order({ buyer: { handle: 'bo' }, amountMinor: 20_000 })], NOW);
    await applyTierLadder(db, { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'gold' ? { ...s, minOrders: 9, minSpendMinor: 90_000 } : s)) }, NOW);
    await tiers.settled();
    const moves = movesOf(await db.tierChanges.toArray()).map((m) => [m.from, m.to, m.direction]);
    expect(moves.sort()).toEqual([
      ['gold', 'silver', 'down'],
      ['regular', 'silver', 'up'],
    ]);
    tiers.stop();
    db.close();
  });
});
