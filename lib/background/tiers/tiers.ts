// Tiers over the whole member base: applying a new ladder. The tier keeper (tier-keeper.ts) saves
// it and ranks every member with it from the member facts; no member row is read or written (rows
// carry no tier: store/member-tiers.ts), and its moves go in one tierChanges record (domain/tier-moves.ts).
import type { LadderApplied } from '../../domain/tiers';
import type { TierLadder } from '../../domain/types';
import type { RegularsDb } from '../../store/database';
import { memberTierKeeper } from './tier-keeper';

/**
 * Saves the ladder and re-evaluates every member's tier with it, in one transaction with the moves
 * (up or down; the tier-upgrade reminder reads the 'up' ones). Writes the keeper had not yet ranked
 * are ranked first, so an import is never overruled by older stats.
 */
export function applyTierLadder(db: RegularsDb, ladder: TierLadder, now: number): Promise<LadderApplied> {
  return memberTierKeeper(db).rerank(ladder, now);
}
