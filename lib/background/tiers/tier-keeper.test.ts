// The tier keeper: after any sequence of imports, ladder edits, merges, unmerges and a restore,
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

const BUYERS = ['ana', 'bo', 'cy', 'di', 'ed', 'fay'];

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
    let n = 0;
    for (let step = 0; step < 14; step++) {
      const pick = next();
      if (pick < 0.55) {
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
    db.close();
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
