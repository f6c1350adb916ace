// The categories capability's messages: the owner's category rules, saved and applied to every
// stored order (members' per-category last orders follow, so their lapse does).
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { applyCategoryRules } from '../import/apply-categories';

export interface CategoryHooks {
  /** Orders changed category: derived figures (reports, reminders) follow. */
  onApplied?: () => void;
}

export function categoryHandlers(db: RegularsDb, now: () => number, hooks: CategoryHooks = {}): Pick<Handlers, 'categories.apply'> {
  return {
    'categories.apply': async ({ rules }) => {
      const result = await applyCategoryRules(db, rules, now());
      hooks.onApplied?.();
      return result;
    },
  };
}
