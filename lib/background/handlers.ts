// The background's answers to every protocol message: one typed map, built from the capabilities.
// Each capability owns its messages; figures derived from the rows follow the change stream
// (derived.ts, lib/store/changes.ts); the journey rules' session-aware evaluation is wired here.
import { syncHandlers, type SyncService } from './sync/service';
import type { Handlers } from '../messaging/router';
import type { RegularsDb } from '../store/database';
import { categoryHandlers } from './categories/handlers';
import { importCapability } from './import/handlers';
import { fileImports, type PageHolds } from './import/file-import';
import { memberHandlers } from './members/handlers';
import { reminderCapability, type JourneyHooks } from './reminders/handlers';
import { reportHandlers } from './reports/handlers';
import { reportKeeper, type ReportKeeper } from './reports/report-snapshot';
import { segmentHandlers } from './segments/handlers';
import { settingsHandlers } from './settings/handlers';
import { siteRuleHandlers } from './site-rules/handlers';
import { tierHandlers } from './tiers/handlers';
import { memberTierKeeper } from './tiers/tier-keeper';

export interface HandlerDeps {
  db: RegularsDb;
  now: () => number;
  /** An import session ended: figures that waited for its last batch follow (derived.ts). */
  onImportEnded?: (session: string) => void;
  /** Reminders: the scheduler's hook and the saved-segment resolver (reminders/handlers.ts). */
  journeys?: JourneyHooks;
  /** Called after a new tier ladder moved members (tier-upgrade reminders follow). */
  onTiersChanged?: () => void;
  /** The keeper of the reports' snapshot (the background makes it; after orders change it refreshes the RFM cut points too). */
  reports?: ReportKeeper;
  /** The background starting: members an import left waiting when its worker died are brought up to date. */
  recoverImports?: boolean;
  /** An extension API call that keeps the service worker from being stopped as idle while a file is read (file-import.ts). */
  keepAwake?: () => void;
  /** Hands over how the ports pages hold for their file imports are taken (file-import.ts pageHolds). */
  importPorts?: (take: PageHolds) => void;
  /** Team sync (sync/service.ts); absent where there is none (tests, bench). */
  sync?: SyncService | undefined;
}

/**
 * Team sync's messages. Joining or leaving a team changes who Today offers to assign to (the team's
 * users, or the names already assigned): the popup's kept first screen goes with it.
 */
function teamHandlers(deps: HandlerDeps) {
  const handlers = syncHandlers(deps.sync);
  const forgetting =
    <A, S, R>(f: (a: A, sender: S) => Promise<R>) =>
      async (a: A, sender: S): Promise<R> => {
        try {
          return await f(a, sender);
        } finally {
          deps.journeys?.keptToday?.forget();
        }
      };
  return { ...handlers, 'sync.connect': forgetting(handlers['sync.connect']), 'sync.disconnect': forgetting(handlers['sync.disconnect']) };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, now } = deps;
  // Every member's tier follows the writes from here on; rules wait for the moves they read.
  const tiers = memberTierKeeper(db, now);
  tiers.start();
  const reports = deps.reports ?? reportKeeper(db, now);
  const journeys: JourneyHooks = { ...deps.journeys, tiersRanked: () => tiers.settled(), reportFirst: () => reports.settled() };
  const reminders = reminderCapability(db, now, journeys);
  const imports = importCapability(db, now, {
    onImported: (orderIds, session) => reminders.evaluator.orders(orderIds, session),
    onSessionEnded: (session) => {
      reminders.evaluator.ended(session);
      deps.onImportEnded?.(session);
    },
  });
  // Big files are read here, each batch stored as the session's next (file-import.ts).
  const files = fileImports((rowsJson, session) => imports.handlers['orders.import']({ rowsJson, session }, {}), {
    endAbandoned: (session) => imports.end(session),
    keepAwake: deps.keepAwake,
  });
  deps.importPorts?.(files.pageHolds);
  deps.sync?.followImports((memberId) => imports.writeWaitingMember(memberId));
  if (deps.recoverImports) void imports.recover().catch((e) => console.error('Regulars: an unfinished import could not be completed', e));
  const handlers: Handlers = {
    ...imports.handlers,
    ...files.handlers,
    ...teamHandlers(deps),
    ...memberHandlers(
      db,
      now,
      {
        onMemberUpdated: (row, patch) => reminders.memberUpdated(row, patch),
        // One an import here is creating, else one an import on another machine of the team is (its identities and orders are here, its row not yet).
        writeWaiting: async (memberId) => (await imports.writeWaitingMember(memberId)) || !!(await deps.sync?.writeTeamMember(memberId)),
        ...(deps.sync ? { teamFacts: deps.sync.teamFacts } : {}),
      },
    ),
    ...siteRuleHandlers(db, now),
    // A restore replaces the store from the options page's own connection (a message can't carry
    // 300k rows); what this worker holds follows the change stream, but an import session under way
    // would go on adding to a store that is gone: it ends.
    ...settingsHandlers(db, {
      onStoreReloaded: () => {
        deps.journeys?.keptToday?.forget();
        return imports.endAll();
      },
    }),
    ...segmentHandlers(db, now),
    // Members who moved up are owed a tier-upgrade reminder: let the journeys know now.
    // While a join brings the team's shop they wait for its end (reminders/handlers.ts heldForJoin).
    ...tierHandlers(db, now, {
      onTiersChanged: async () => {
        if (await reminders.heldForJoin()) return true;
        deps.onTiersChanged?.();
        return false;
      },
    }),
    // Orders that change category are committed changes: the report and the RFM cut points follow.
    ...categoryHandlers(db, now),
    ...reportHandlers(db, reports),
    ...reminders.handlers,
  };
  return handlers;
}
