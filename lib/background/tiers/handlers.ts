// The tiers capability's messages: every member's tier facts under a window (the editor's preview), and a new ladder applied to every member.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { tierFactsColumns } from './tier-facts';
import { applyTierLadder } from './tiers';

export interface TierHooks {
  /** A new ladder moved members (the report and tier-upgrade reminders follow); true: the reminders wait for a join's end. */
  onTiersChanged?: () => boolean | Promise<boolean>;
}

export function tierHandlers(db: RegularsDb, now: () => number, hooks: TierHooks = {}): Pick<Handlers, 'tiers.apply' | 'tiers.facts'> {
  return {
    'tiers.facts': ({ window }) => tierFactsColumns(db, window, now()),
    'tiers.apply': async ({ ladder }) => {
      const result = await applyTierLadder(db, ladder, now());
      const remindersHeld = (await hooks.onTiersChanged?.()) === true;
      return remindersHeld ? { ...result, remindersHeld } : result;
    },
  };
}
