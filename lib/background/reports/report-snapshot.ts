// The reports page draws from a snapshot of the report kept in the settings table, not from a
// fresh read of the store: Chromium takes seconds to hand a page 300k order rows (a raw getAll of
// them is most of that; tests/bench 'reports-page-ready'), while the page must be up in well under
// one. The background recomputes the snapshot off the hot path after orders change or a ladder is
// applied, and whenever the page finds it stale (marked so, another day, or other settings).
import { shopReport, type ReportMember, type ReportSummary, type ShopReport } from '../../domain/reports';
import type { RegularsDb } from '../../store/database';
import { ReadAbandoned } from '../../store/report-data';
import { readReportSnapshot, readSnapshotState, REPORT_SNAPSHOT_KEY, reportStamp, SNAPSHOT_VERSION, type ReportSnapshot } from '../../store/report-snapshot';
import { readSettings } from '../../store/settings';
import { memberFacts } from '../segments/member-snapshot';
import { timedJob } from '../lane';
import { orderLedger } from './order-ledger';

/**
 * Computes the report and stores it as the snapshot: the member figures from the member facts
 * (segments' columns, kept on disk), the order figures from the order ledger (kept in memory from
 * the change stream): no member or order row is read but the top members' names. `stop`: give up
 * (ReadAbandoned) when rows changed while the figures were gathered.
 */
export async function writeReportSnapshot(db: RegularsDb, now: number, stop: () => boolean = () => false): Promise<ReportSnapshot> {
  const started = performance.now();
  // The facts and the ledger wait for the writes before this to be in them (their lanes).
  const [settings, facts, ledger] = await timedJob('report.gather', () => Promise.all([readSettings(db), memberFacts(db), orderLedger(db).current()]));
  if (stop()) throw new ReadAbandoned('Rows changed while the report was read');
  const members: ReportMember[] = facts.map((m) => ({ ...m, displayName: '' }));
  const report: ReportSummary = withoutIntervals(shopReport(members, ledger.orders(), { ...settings, now }));
  const named = await db.members.bulkGet(report.top.map((m) => m.id));
  report.top = report.top.map((m, i) => ({ ...m, displayName: named[i]?.displayName ?? m.displayName }));
  const snapshot: ReportSnapshot = { version: SNAPSHOT_VERSION, stamp: reportStamp(settings, now), ms: performance.now() - started, report };
  await db.settings.put({ key: REPORT_SNAPSHOT_KEY, value: snapshot });
  return snapshot;
}

const withoutIntervals = ({ intervalDays: _dropped, ...report }: ShopReport): ReportSummary => report;

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
 * snapshot is up to date and computes it otherwise.
 */
export function reportKeeper(db: RegularsDb, now: () => number, before: () => Promise<unknown> = async () => undefined, delayMs = 1000) {
  let running: Promise<ReportSnapshot> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by every change: a computation that saw an older generation leaves the snapshot stale.
  let generation = 0;
  /** `abandon`: a background refresh gives up as soon as rows change under it (a newer one follows). */
  const compute = async (abandon: boolean) => {
    const seen = generation;
    await timedJob('report.before', before);
    const snapshot = await timedJob('report', () => writeReportSnapshot(db, now(), abandon ? () => seen !== generation : undefined));
    if (seen !== generation) await markReportStale(db);
    return snapshot;
  };
  const refresh = (abandon: boolean): Promise<ReportSnapshot> => {
    running ??= compute(abandon).finally(() => (running = undefined));
    return running;
  };
  return {
    /** Rows changed (orders, or members: a ladder, tags, a merge): the snapshot is stale now, and is recomputed once changes pause for `wait`. */
    schedule(wait = delayMs) {
      generation++;
      markReportStale(db).catch(() => undefined);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        // After any computation under way, which may have read the rows before this change.
        (running ?? Promise.resolve())
          .catch(() => undefined)
          .then(() => refresh(true))
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
      const { snapshot, fresh } = await readSnapshotState(db, now());
      return fresh && snapshot ? snapshot : refresh(false);
    },
  };
}

export type ReportKeeper = ReturnType<typeof reportKeeper>;
