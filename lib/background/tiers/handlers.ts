// The tiers capability's message: a new ladder, applied to every member.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { applyTierLadder } from './tiers';

export interface TierHooks {
  /** A new ladder moved members (the report and tier-upgrade reminders follow). */
  onTiersChanged?: () => void;
}

export function tierHandlers(db: RegularsDb, now: () => number, hooks: TierHooks = {}): Pick<Handlers, 'tiers.apply'> {
  return {
    'tiers.apply': async ({ ladder }) => {
      const result = await applyTierLadder(db, ladder, now());
      hooks.onTiersChanged?.();
      return result;
    },
  };
}
