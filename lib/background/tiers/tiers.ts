// Tiers over the whole member base: applying a new ladder (every member re-evaluated, moves recorded
// in tierChanges). Only the members who move are read and written as rows.
import { tierDirection, tierForStats, type LadderApplied } from '../../domain/tiers';
import type { TierLadder } from '../../domain/types';
import { newId, type RegularsDb } from '../../store/database';
import type { MemberRow, TierChangeRow } from '../../domain/rows';
import { writeSettings } from '../../store/settings';
import { NO_TIER_FACTS } from '../../store/tier-facts';
import { orderLedger } from '../reports/order-ledger';
import { memberFacts } from '../segments/member-snapshot';

/** Movers written per transaction: big enough to be quick, small enough not to hold the store long. */
export const APPLY_BATCH = 5000;

/** How many member rows the last apply read and wrote, for tests and the benchmark. */
export const applyRows = { read: 0, written: 0 };

/**
 * Saves the ladder and re-evaluates every member's tier with it. Who moves is found from the member
 * facts (segments' columns, kept on disk and in memory: no member row read for those who stay);
 * the movers are then read again and written in batches, each in one transaction with a tierChanges
 * row per move (up or down; the tier-upgrade reminder reads the 'up' ones). A mover is re-ranked on
 * the row read inside its batch's transaction, so an import running meanwhile is never overwritten
 * with older stats; orders it imports after the ladder is saved are ranked with the new ladder.
 */
export async function applyTierLadder(db: RegularsDb, ladder: TierLadder, now: number, shopCurrency: string): Promise<LadderApplied> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = (phases[name] ?? 0) + t - mark;
    mark = t;
  };
  // Saved first: orders imported from here on are ranked with the new ladder.
  await writeSettings(db, { tierLadder: ladder });
  // A rolling window sums each member's orders in it from the order ledger (kept in memory), not from the rows.
  const inWindow = ladder.window === 'lifetime' ? undefined : (await orderLedger(db).current()).windowFacts(ladder.window.days, now, shopCurrency);
  const tierOf = (m: { id: string; orderCount: number; spendMinor: number }) => tierForStats(ladder, inWindow ? (inWindow.get(m.id) ?? NO_TIER_FACTS) : m);
  phase('settings');
  const facts = await memberFacts(db);
  phase('facts');
  const movers: string[] = [];
  for (const m of facts) if (tierOf(m).id !== m.tierId) movers.push(m.id);
  const onLadder = new Set(ladder.steps.map((s) => s.id));
  phase('decide');
  let up = 0;
  let down = 0;
  applyRows.read = 0;
  applyRows.written = 0;
  for (let at = 0; at < movers.length; at += APPLY_BATCH) {
    const ids = movers.slice(at, at + APPLY_BATCH);
    await db.transaction('rw', [db.members, db.tierChanges], async () => {
      const rows = await db.members.bulkGet(ids);
      applyRows.read += ids.length;
      phase('read');
      const moved: MemberRow[] = [];
      const changes: TierChangeRow[] = [];
      for (const m of rows) {
        if (!m) continue; // merged into another member meanwhile
        const tier = tierOf(m);
        if (tier.id === m.tierId) continue;
        // A step taken off the ladder has no rank any more: its members move, but neither earned an
        // upgrade (no reminder) nor lost one.
        const direction = onLadder.has(m.tierId) ? tierDirection(ladder, m.tierId, tier.id) : 'same';
        moved.push({ ...m, tierId: tier.id, updatedAt: now });
        changes.push({ id: newId('tc'), memberId: m.id, from: m.tierId, to: tier.id, direction, at: now });
        if (direction === 'up') up++;
        else if (direction === 'down') down++;
      }
      if (moved.length) {
        await db.members.bulkPut(moved);
        phase('putMembers');
        await db.tierChanges.bulkAdd(changes);
        phase('addTierChanges');
        applyRows.written += moved.length;
      }
    });
    phase('commit');
  }
  return { members: facts.length, up, down, ms: performance.now() - started, phases };
}
