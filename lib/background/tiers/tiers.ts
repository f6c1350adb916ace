// Tiers over the whole member base: what each member's tier facts are under a ladder's window, and
// applying a new ladder (every member re-evaluated, moves recorded in tierChanges).
import { tierDirection, tierForStats, type LadderApplied } from '../../domain/tiers';
import type { TierLadder } from '../../domain/types';
import { newId, type RegularsDb } from '../../store/database';
import type { MemberRow, TierChangeRow } from '../../domain/rows';
import { pageAfter } from '../../store/pages';
import { writeSettings } from '../../store/settings';
import { NO_TIER_FACTS, windowFacts } from '../../store/tier-facts';

/** Members re-evaluated per transaction: big enough to be quick, small enough not to hold the store long. */
export const APPLY_BATCH = 5000;

/**
 * Saves the ladder and re-evaluates every member's tier with it, in batches: each batch reads its
 * members and writes back those whose tier moved, with a tierChanges row each (up or down; the
 * tier-upgrade reminder reads the 'up' ones), in one transaction. Because a batch reads its members
 * inside its own transaction, an import running meanwhile is never overwritten with older stats.
 */
export async function applyTierLadder(db: RegularsDb, ladder: TierLadder, now: number, shopCurrency: string): Promise<LadderApplied> {
  const started = performance.now();
  // Saved first: orders imported from here on are ranked with the new ladder.
  await writeSettings(db, { tierLadder: ladder });
  const inWindow = ladder.window === 'lifetime' ? undefined : await windowFacts(db, ladder.window.days, now, shopCurrency);
  const onLadder = new Set(ladder.steps.map((s) => s.id));
  let members = 0;
  let up = 0;
  let down = 0;
  let after: string | undefined;
  for (;;) {
    const done = await db.transaction('rw', [db.members, db.tierChanges], async () => {
      const batch = await pageAfter(db.members, after, APPLY_BATCH);
      if (batch.length === 0) return true;
      after = batch[batch.length - 1]!.id;
      members += batch.length;
      const moved: MemberRow[] = [];
      const changes: TierChangeRow[] = [];
      for (const m of batch) {
        const tier = tierForStats(ladder, inWindow ? (inWindow.get(m.id) ?? NO_TIER_FACTS) : m);
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
        await db.tierChanges.bulkAdd(changes);
      }
      return batch.length < APPLY_BATCH;
    });
    if (done) break;
  }
  return { members, up, down, ms: performance.now() - started };
}
