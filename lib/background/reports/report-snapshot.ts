// The reports page draws from a snapshot of the report kept in the settings table, not from a
// fresh read of the store: Chromium takes seconds to hand a page 300k order rows (a raw getAll of
// them is most of that; tests/bench 'reports-page-ready'), while the page must be up in well under
// one. The background recomputes the snapshot off the hot path after orders change or a ladder is
// applied, and whenever the page finds it stale (marked so, another day, or other settings).
import { orderReportOfMembers, type ReportSummary } from '../../domain/reports';
import { memberReportPartOf, reportMembersOfColumns } from '../../domain/report-members';
import { rfmBreaksOfColumns } from '../../domain/rfm';
import type { RegularsDb } from '../../store/database';
import { ReadAbandoned } from '../../store/report-data';
import { readReportSnapshot, readSnapshotState, REPORT_SNAPSHOT_KEY, reportStamp, SNAPSHOT_VERSION, type ReportSnapshot } from '../../store/report-snapshot';
import { readSettings, writeSettings } from '../../store/settings';
import { memberColumns } from '../segments/member-snapshot';
import { keptRfmBreaks } from '../segments/rfm-breaks';
import { reportSpan, timedJob } from '../lane';
import { orderLedger } from './order-ledger';

/**
 * Computes the report and stores it as the snapshot: the member figures from the member facts'
 * columns (kept from the change stream, no member object built), the order figures from the order
 * ledger (kept in memory from the change stream): no member or order row is read but the top
 * members' names. `rfm`: orders changed, so the RFM cut points are computed again first, from the
 * same facts, and stored (segments and the panel read them) before the report is scored with them.
 * `stop`: give up (ReadAbandoned) when rows changed while the figures were gathered.
 */
export async function writeReportSnapshot(
  db: RegularsDb,
  now: number,
  { stop, rfm = false }: { stop?: () => boolean; rfm?: boolean } = {},
): Promise<ReportSnapshot> {
  const started = performance.now();
  // The facts and the ledger wait for the writes before this to be in them (their lanes).
  const [stored, facts, ledger] = await timedJob('report.gather', () => Promise.all([readSettings(db), memberColumns(db), orderLedger(db).current()]));
  if (stop?.()) throw new ReadAbandoned('Rows changed while the report was read');
  let settings = stored;
  const scoring = performance.now();
  if (rfm) {
    const rfmBreaks = keptRfmBreaks(facts, now, settings.timeZone);
    await writeSettings(db, { rfmBreaks });
    settings = { ...settings, rfmBreaks };
  }
  // Without stored cut points (no orders changed yet) the report scores with the members' own.
  const breaks = settings.rfmBreaks ?? rfmBreaksOfColumns(facts.columns, now, settings.timeZone);
  reportSpan('report.rfm', scoring, performance.now());
  const figuring = performance.now();
  const ctx = { ...settings, now };
  const members = memberReportPartOf(reportMembersOfColumns(facts.columns, facts.ids), facts.columns.count, breaks, ctx);
  // A member's orders at a time from the ledger's columns: never an object for every order at once.
  const { intervalDays: _dropped, ...orders } = orderReportOfMembers((use) => ledger.forEachMember(use), ledger.categorised(), ctx);
  const report: ReportSummary = { generatedAt: now, currency: settings.shopCurrency, ...members, ...orders };
  reportSpan('report.figures', figuring, performance.now());
  const storing = performance.now();
  const named = await db.members.bulkGet(report.top.map((m) => m.id));
  report.top = report.top.map((m, i) => ({ ...m, displayName: named[i]?.displayName ?? m.displayName }));
  const snapshot: ReportSnapshot = { version: SNAPSHOT_VERSION, stamp: reportStamp(settings, now), ms: performance.now() - started, report };
  await db.settings.put({ key: REPORT_SNAPSHOT_KEY, value: snapshot });
  reportSpan('report.store', storing, performance.now());
  return snapshot;
}

/** Marks the stored snapshot stale: rows it was computed from changed. */
export async function markReportStale(db: RegularsDb): Promise<void> {
  await db.transaction('rw', [db.settings], async () => {
    const snapshot = await readReportSnapshot(db);
    if (!snapshot || snapshot.stale) return;
    await db.settings.put({ key: REPORT_SNAPSHOT_KEY, value: { ...snapshot, stale: true } });
  });
}

/**
 * Keeps the snapshot current in the background: one computation at a time; `schedule` waits for a
 * quiet moment (an import arrives in many batches), `current` answers the page at once when the
 * snapshot is up to date and computes it otherwise, without waiting for a scheduled one. After
 * orders change the same computation brings the RFM cut points up to date first (the report scores
 * segments with them): the page waits for one pass over the facts, not for two jobs in a row.
 * `before`: awaited before each computation reads (tests hold one there).
 */
export function reportKeeper(db: RegularsDb, now: () => number, before: () => Promise<unknown> = async () => undefined, delayMs = 1000) {
  let running: Promise<ReportSnapshot> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by every change: a computation that saw an older generation leaves the snapshot stale.
  let generation = 0;
  /** The generation the last computation was current for (0: none changed since this context began). */
  let computed = 0;
  /** Orders changed since the RFM cut points were computed: the next computation computes them first. */
  let rfmDue = false;
  /** `abandon`: a background refresh gives up as soon as rows change under it (a newer one follows). */
  const compute = async (abandon: boolean) => {
    const seen = generation;
    const rfm = rfmDue;
    rfmDue = false;
    try {
      await before();
      const snapshot = await timedJob('report', () => writeReportSnapshot(db, now(), { rfm, ...(abandon ? { stop: () => seen !== generation } : {}) }), undefined, db.name);
      if (seen !== generation) await markReportStale(db);
      else computed = seen;
      return snapshot;
    } catch (e) {
      if (rfm) rfmDue = true; // with the next computation
      throw e;
    }
  };
  const refresh = (abandon: boolean): Promise<ReportSnapshot> => {
    running ??= compute(abandon).finally(() => (running = undefined));
    return running;
  };
  return {
    /**
     * Rows changed (orders, or members: a ladder, tags, a merge): the snapshot is stale now, and is
     * recomputed once changes pause for `wait`. `orders`: orders changed (the RFM cut points follow).
     */
    schedule(wait = delayMs, orders = false) {
      generation++;
      if (orders) rfmDue = true;
      markReportStale(db).catch(() => undefined);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        // After any computation under way, which may have read the rows before this change; none
        // when a page's request already brought the snapshot up to date.
        (running ?? Promise.resolve())
          .catch(() => undefined)
          .then(() => (computed === generation && !rfmDue ? undefined : refresh(true)))
          .catch((e) => e instanceof ReadAbandoned || console.error('Regulars: report refresh failed', e));
      }, wait);
    },
    /** Resolves once a computation under way has ended (the reminders' sweep after an import waits for it: the reports page does). */
    async settled(): Promise<void> {
      while (running) await running.catch(() => undefined);
    },
    async current(): Promise<ReportSnapshot> {
      // A background refresh under way is awaited (or, abandoned, replaced by one that finishes).
      if (running) await running.catch(() => undefined);
      // Rows changed since the last computation: computed now (the stale mark may not be stored yet).
      if (computed !== generation || rfmDue) return refresh(false);
      const { snapshot, fresh } = await readSnapshotState(db, now());
      return fresh && snapshot ? snapshot : refresh(false);
    },
  };
}

export type ReportKeeper = ReturnType<typeof reportKeeper>;
