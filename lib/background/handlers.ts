// The background's answers to every protocol message: one typed map, built from the capabilities.
// Each capability owns its messages; what one capability's writes mean for another (reminders after
// an import, the report after a merge) is wired here.
import { syncHandlers, type SyncService } from './sync/service';
import type { Handlers } from '../messaging/router';
import type { RegularsDb } from '../store/database';
import { forgetCachedSettings } from '../store/settings';
import { categoryHandlers } from './categories/handlers';
import { importCapability } from './import/handlers';
import { memberHandlers } from './members/handlers';
import { reminderCapability, type JourneyHooks } from './reminders/handlers';
import { reportHandlers } from './reports/handlers';
import { reportKeeper, type ReportKeeper } from './reports/report-snapshot';
import { segmentHandlers } from './segments/handlers';
import { forgetMemberSnapshots } from './segments/member-snapshot';
import { settingsHandlers } from './settings/handlers';
import { siteRuleHandlers } from './site-rules/handlers';
import { tierHandlers } from './tiers/handlers';

export interface HandlerDeps {
  db: RegularsDb;
  now: () => number;
  /** Called after orders changed, so derived figures (RFM cut points) get refreshed off the hot path. */
  onOrdersChanged?: () => void;
  /** Reminders: the scheduler's hook and the saved-segment resolver (reminders/handlers.ts). */
  journeys?: JourneyHooks;
  /** Called after members were merged or separated. */
  onMembersMerged?: () => void;
  /** Called after a new tier ladder moved members (tier-upgrade reminders follow). */
  onTiersChanged?: () => void;
  /** The keeper of the reports' snapshot (the background makes it, waiting for its RFM refresh). */
  reports?: ReportKeeper;
  /** Team sync (sync/service.ts); absent where there is none (tests, bench). */
  sync?: SyncService | undefined;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, now, onOrdersChanged, journeys = {} } = deps;
  const reports = deps.reports ?? reportKeeper(db, now);
  const reminders = reminderCapability(db, now, journeys);
  const imports = importCapability(db, now, {
    onImported: (orderIds, session) => {
      reminders.evaluator.orders(orderIds, session);
      if (!session) onOrdersChanged?.();
    },
    onSessionEnded: (session, changed) => {
      reminders.evaluator.ended(session);
      if (changed) onOrdersChanged?.();
    },
  });
  const handlers: Handlers = {
    ...imports.handlers,
    ...syncHandlers(deps.sync),
    // Merging moves orders between members: the reports' figures follow. (Not the RFM refresh: it
    // rewrites members, and a panel mid-merge would reload under the agent's hands.)
    ...memberHandlers(db, now, {
      onMembersMerged: () => {
        reports.schedule();
        deps.onMembersMerged?.();
      },
      onMemberUpdated: (row, patch) => reminders.memberUpdated(row, patch),
    }),
    ...siteRuleHandlers(db, now),
    // A restore replaces the store from the options page's own connection (a message can't carry
    // 300k rows), past this worker: forget cached settings and member facts, and end import
    // sessions, whose caches know identities, order ids and members of the store as it was.
    ...settingsHandlers(db, {
      onStoreReloaded: async () => {
        forgetCachedSettings(db);
        forgetMemberSnapshots();
        await imports.endAll();
      },
    }),
    ...segmentHandlers(db, now),
    ...tierHandlers(db, now, {
      onTiersChanged: () => {
        reports.schedule();
        // Members who moved up are owed a tier-upgrade reminder: let the journeys know now.
        deps.onTiersChanged?.();
      },
    }),
    // New categories move members' lapse and the reports' breakdown.
    ...categoryHandlers(db, now, {
      onApplied: () => {
        reports.schedule();
        onOrdersChanged?.();
      },
    }),
    ...reportHandlers(reports),
    ...reminders.handlers,
  };
  return handlers;
}
