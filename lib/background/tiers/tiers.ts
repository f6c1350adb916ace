// Tiers over the whole member base: applying a new ladder. Every member is re-evaluated from the
// member facts; no member row is read or written. The tiers it gives are kept beside the rows
// (store/tier-overrides.ts) and its moves in one tierChanges record (domain/tier-moves.ts).
import { tierDirection, tierForStats, type LadderApplied } from '../../domain/tiers';
import { tierMovesRow, type TierMove } from '../../domain/tier-moves';
import type { TierLadder } from '../../domain/types';
import { newId, type RegularsDb } from '../../store/database';
import { generationKey, newGeneration } from '../../store/generation';
import { writeSettings } from '../../store/settings';
import { NO_TIER_FACTS } from '../../store/tier-facts';
import { TierOverrides } from '../../store/tier-overrides';
import { orderLedger } from '../reports/order-ledger';
import { memberFacts, memberFactsKeeper, type FactMember } from '../segments/member-snapshot';

/** Times the facts are read again when members were written between reading them and saving the result. */
const ATTEMPTS = 5;

const membersMark = async (db: RegularsDb) => (await db.caches.get(generationKey('members')))?.value as string | undefined;

/**
 * Saves the ladder and re-evaluates every member's tier with it. Who moves is found from the member
 * facts (kept on disk and in memory); the moves are saved in one transaction: the applied tiers
 * (read into member rows from then on), one tierChanges record listing every move (up or down; the
 * tier-upgrade reminder reads the 'up' ones) and a new members' mark (what is kept of the members,
 * such as their facts on disk, no longer stands). If an import wrote members in between, the facts
 * are read again, so an import is never overruled by older stats; orders it imports after the
 * ladder is saved are ranked with the new ladder.
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
  phase('settings');
  const onLadder = new Set(ladder.steps.map((s) => s.id));
  for (let attempt = 1; ; attempt++) {
    const seen = await membersMark(db);
    // A rolling window sums each member's orders in it from the order ledger (kept in memory), not from the rows.
    const inWindow = ladder.window === 'lifetime' ? undefined : (await orderLedger(db).current()).windowFacts(ladder.window.days, now, shopCurrency);
    const facts = await memberFacts(db);
    phase('facts');
    const moves: TierMove[] = [];
    const moved: FactMember[] = [];
    let up = 0;
    let down = 0;
    for (const m of facts) {
      const tier = tierForStats(ladder, inWindow ? (inWindow.get(m.id) ?? NO_TIER_FACTS) : m).id;
      if (tier === m.tierId) continue;
      // A step taken off the ladder has no rank any more: its members move, but neither earned an
      // upgrade (no reminder) nor lost one.
      const direction = onLadder.has(m.tierId) ? tierDirection(ladder, m.tierId, tier) : 'same';
      moves.push({ memberId: m.id, from: m.tierId, to: tier, direction });
      moved.push({ ...m, tierId: tier });
      if (direction === 'up') up++;
      else if (direction === 'down') down++;
    }
    phase('decide');
    const result = { members: facts.length, up, down };
    if (!moves.length) return { ...result, ms: performance.now() - started, phases };
    const entries = db.tierOverrides.withMoves(moves, now);
    const newMark = newGeneration();
    const saved = await db.transaction('rw', [db.tierChanges, db.caches], async () => {
      if ((await membersMark(db)) !== seen && attempt < ATTEMPTS) return false;
      await db.tierChanges.add(tierMovesRow(newId('tc'), now, moves));
      await TierOverrides.save(db, entries);
      await db.caches.put({ key: generationKey('members'), value: newMark });
      return true;
    });
    phase('save');
    if (!saved) continue;
    db.tierOverrides.adopt(entries);
    memberFactsKeeper(db).retier(moved, newMark);
    return { ...result, ms: performance.now() - started, phases };
  }
}
