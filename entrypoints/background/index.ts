import { RegularsDb } from '@/lib/store/database';
import { keepDerivedFresh } from '@/lib/background/derived';
import { createHandlers } from '@/lib/background/handlers';
import { orderLedger } from '@/lib/background/reports/order-ledger';
import { reportKeeper } from '@/lib/background/reports/report-snapshot';
import { sweepReminders } from '@/lib/background/reminders/sweep';
import { followTeamChanges } from '@/lib/background/reminders/team-changes';
import { keepMemberFactsFresh } from '@/lib/background/segments/member-snapshot';
import { segmentMemberIds } from '@/lib/background/segments/segments';
import { keepContentScriptsInSync } from '@/lib/hosts/registration';
import { chromeTabApis, showOnTab } from '@/lib/hosts/show-here';
import { fail, createRouter } from '@/lib/messaging/router';
import { answerWorkerPosts, POST_WATCH_PORT, type PostEvent } from '@/lib/messaging/worker-post';
import { answerPortReads, READ_PORT } from '@/lib/messaging/read-port';
import { IMPORT_HOLD_PORT } from '@/lib/messaging/protocol-import-file';
import { syncService } from '@/lib/background/sync/service';
import type { PageHolds } from '@/lib/background/import/file-import';
import { startReminders } from './reminders';
import { todayKeeper } from '@/lib/background/reminders/today-kept';
import { keptArea } from '@/lib/messaging/today-kept';
import { backgroundClock } from './test-clock';
import { benchPhases } from './bench-phases';

export default defineBackground(() => {
  // Listeners first and synchronously: a permission event may be what woke this worker.
  keepContentScriptsInSync();
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'show-panel') void showOnTab(tab?.id, tab?.url, chromeTabApis);
  });
  const db = new RegularsDb();
  // Today's first screen, kept for a popup that opens while this worker sleeps (removed on any write it shows).
  const keptToday = todayKeeper(keptArea(), db.name);
  // Moving the demo build's clock (end-to-end tests) sets the reminders' alarm again by the new time.
  const clock = backgroundClock(() => {
    keptToday.forget();
    return reminders.reconcile();
  });
  const now = clock.now;
  // Segments, the RFM overview and holiday audiences read the member facts: rebuilt on disk soon
  // after members change, so a worker that wakes finds them current.
  keepMemberFactsFresh(db);
  // The order ledger the report and rolling tier windows read follows every write to orders.
  orderLedger(db).start();
  // The reports' snapshot; after orders change, its computation brings the RFM cut points up to date first.
  const reports = reportKeeper(db, now);
  // It follows the change stream: after orders change the RFM cut points and the report, after
  // members change (a merge, a ladder, tags) the report.
  const derived = keepDerivedFresh(db, {
    ordersChanged: (ended) => reports.schedule(ended ? 0 : undefined, true),
    membersChanged: (ended) => reports.schedule(ended ? 0 : undefined),
  });
  // Saved segments are audiences for holiday greetings (lib/background/segments evaluates them).
  const resolveSegment = (segmentId: string) => segmentMemberIds(db, segmentId, now());
  // Who this agent is for reminders: the team user while connected to a team (assignments name team users).
  const me = async () => sync.me();
  // The hourly sweep waits while a join brings the team's shop (its reminders would be made from part
  // of it, and sent to the team): the join's end sweeps.
  const reminders = startReminders(db, clock, { resolveSegment, me, sweepHeld: () => sync.catchingUp() });
  // The report's figures move with the shop's day (recency, lapse): the reminders' alarm, at least
  // hourly, brings a stale snapshot up to date, so the reports page opens on current figures.
  browser.alarms.onAlarm.addListener(() => void reports.current().catch((e) => console.error('Regulars: report refresh failed', e)));
  const team = async () => sync.team();
  const journeys = { onRemindersChanged: () => void reminders.reconcile(), resolveSegment, me, team, sweepHeld: () => sync.catchingUp(), keptToday };
  const onTiersChanged = () => void sweepReminders(db, now(), resolveSegment).then(() => reminders.reconcile());
  // Team sync: what arrives from the team is written like any change here; derived figures and
  // reminders (do-not-contact, assignments, the team's contacts) follow it: the figures through the
  // change stream (a catch-up's writes as one session, refreshed at its end), the reminders through onApplied.
  const sync = syncService({
    db,
    now,
    cookies: 'browser',
    onApplied: (_tables, members, session) => {
      if (session) derived.importEnded(session);
      void followTeamChanges(db, members, now(), resolveSegment)
        .then(() => reminders.reconcile())
        .catch((e) => console.error('Regulars: reminders could not follow the team', e));
    },
  });
  void sync.resume().catch((e) => console.error('Regulars: team sync could not resume', e));
  let holdImport: PageHolds | undefined;
  const importPorts = (take: PageHolds) => void (holdImport = take);
  // Any extension API call resets the 30 s after which an idle worker is stopped.
  const keepAwake = () => void browser.runtime.getPlatformInfo().catch(() => undefined);
  const handlers = createHandlers({
    db, now, onImportEnded: derived.importEnded, journeys, onTiersChanged, reports, sync, recoverImports: true, importPorts, keepAwake,
  });
  const routed = createRouter(handlers, {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/'),
  });

  // The bench build sums where imports spend their time (tests/bench); other builds drop it.
  const route = import.meta.env.REGULARS_BENCH ? benchPhases(routed) : routed;
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // Bulk requests (an import's batches) posted to this worker by structured clone: the same router.
  answerWorkerPosts(self as unknown as { addEventListener(type: 'message', listener: (event: PostEvent) => void): void }, route, browser.runtime.id);
  // A page waiting for posted answers holds a port: it closes when this worker stops, so the page
  // learns that an answer will never come. The panel asks its lookups over a port of its own (read-port.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === READ_PORT) answerPortReads(port, route, (name) => fail('invalid_request', `${name} is not a read the port answers`));
    else if (port.name.startsWith(IMPORT_HOLD_PORT) && port.sender?.url?.startsWith(browser.runtime.getURL('/'))) {
      // The options page holds it while the background reads its file (file-import.ts).
      holdImport?.(port.name.slice(IMPORT_HOLD_PORT.length), (listener) => port.onDisconnect.addListener(() => listener()));
    } else if (port.name !== POST_WATCH_PORT) port.disconnect();
  });
  // No web page is allowed to talk to us; answer with the typed refusal rather than silence.
  browser.runtime.onMessageExternal?.addListener(() => Promise.resolve(fail('forbidden', 'Messages are accepted only from Regulars itself')));
});
