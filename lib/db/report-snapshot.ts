// The reports page draws from a snapshot of the report kept in the settings table, not from a
// fresh read of the store: Chromium takes seconds to hand a page 300k order rows (a raw getAll of
// them is most of that; tests/bench 'reports-page-ready'), while the page must be up in well under
// one. The background recomputes the snapshot off the hot path after orders change or a ladder is
// applied, and whenever the page finds it stale (another day, other counts or other settings).
import { shopReport, type ReportSummary } from '../domain/reports';
import { localDayNumber } from '../domain/time';
import type { RegularsDb } from './database';
import { readReportData } from './report-data';
import { readSettings, type Settings } from './settings';

/** A settings-table key outside the Settings schema: readSettings and restores leave it alone. */
export const REPORT_SNAPSHOT_KEY = 'reportSnapshot';
const SNAPSHOT_VERSION = 1;

export interface ReportSnapshot {
  version: number;
  /** What the report was computed from (reportStamp): equal stamps mean the report is current. */
  stamp: string;
  /** Reading and computing took this long, in the background. */
  ms: number;
  report: ReportSummary;
}

/**
 * What the report depends on, cheaply: the shop's day (recency moves daily), row counts (imports,
 * merges, tier changes) and the settings the figures use. Order edits that keep the count (a status
 * changed by a re-import) come through imports, which schedule a refresh themselves.
 */
export async function reportStamp(db: RegularsDb, settings: Settings, now: number): Promise<string> {
  const [members, orders, tierChanges] = await Promise.all([db.members.count(), db.orders.count(), db.tierChanges.count()]);
  const { tierLadder, lapseDays, shopCurrency, timeZone, rfmBreaks } = settings;
  return JSON.stringify([localDayNumber(now, timeZone), members, orders, tierChanges, tierLadder, lapseDays, shopCurrency, timeZone, rfmBreaks?.computedAt ?? null]);
}

export async function readReportSnapshot(db: RegularsDb): Promise<ReportSnapshot | undefined> {
  const row = await db.settings.get(REPORT_SNAPSHOT_KEY);
  const snapshot = row?.value as ReportSnapshot | undefined;
  return snapshot?.version === SNAPSHOT_VERSION ? snapshot : undefined;
}

/** Reads the store, computes the report and stores it as the snapshot. */
export async function writeReportSnapshot(db: RegularsDb, now: number): Promise<ReportSnapshot> {
  const started = performance.now();
  const { settings, members, orders } = await readReportData(db);
  const stamp = await reportStamp(db, settings, now);
  const { intervalDays: _dropped, ...report } = shopReport(members, orders, { ...settings, now });
  const snapshot: ReportSnapshot = { version: SNAPSHOT_VERSION, stamp, ms: performance.now() - started, report };
  await db.settings.put({ key: REPORT_SNAPSHOT_KEY, value: snapshot });
  return snapshot;
}

/** The snapshot and whether it is current, for the page (over its own connection). */
export async function readSnapshotState(db: RegularsDb, now: number): Promise<{ settings: Settings; snapshot: ReportSnapshot | undefined; fresh: boolean }> {
  const settings = await readSettings(db);
  const [snapshot, stamp] = await Promise.all([readReportSnapshot(db), reportStamp(db, settings, now)]);
  return { settings, snapshot, fresh: snapshot?.stamp === stamp };
}

/**
 * Keeps the snapshot current in the background: one computation at a time; `schedule` waits for a
 * quiet moment (an import arrives in many batches), `current` answers the page at once when the
 * snapshot is up to date and computes it otherwise.
 */
export function reportKeeper(db: RegularsDb, now: () => number, before: () => Promise<unknown> = async () => undefined, delayMs = 1000) {
  let running: Promise<ReportSnapshot> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = (): Promise<ReportSnapshot> => {
    running ??= before()
      .then(() => writeReportSnapshot(db, now()))
      .finally(() => (running = undefined));
    return running;
  };
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        refresh().catch((e) => console.error('Regulars: report refresh failed', e));
      }, delayMs);
    },
    async current(): Promise<ReportSnapshot> {
      if (running) await running.catch(() => undefined);
      const settings = await readSettings(db);
      const [snapshot, stamp] = await Promise.all([readReportSnapshot(db), reportStamp(db, settings, now())]);
      return snapshot && snapshot.stamp === stamp ? snapshot : refresh();
    },
  };
}

const keepers = new WeakMap<RegularsDb, ReturnType<typeof reportKeeper>>();

/** The one keeper of a database (the background makes it first, with its RFM refresh to wait for). */
export function reportKeeperFor(db: RegularsDb, now: () => number, before?: () => Promise<unknown>): ReturnType<typeof reportKeeper> {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = reportKeeper(db, now, before)));
  return keeper;
}
