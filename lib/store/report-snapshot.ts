// The report snapshot as stored (lib/background/reports keeps it current): its record, the stamp
// that says whether it is current, and reading it.
import type { ReportSnapshot } from '../domain/reports';
import type { Settings } from '../domain/settings';
import { localDayNumber } from '../domain/time';
import type { RegularsDb } from './database';
import { readSettings } from './settings';

/** A settings-table key outside the Settings schema: readSettings and restores leave it alone. */
export const REPORT_SNAPSHOT_KEY = 'reportSnapshot';
export const SNAPSHOT_VERSION = 2;

export type { ReportSnapshot };

/**
 * What the report depends on besides the rows: the shop's day (recency moves daily) and the
 * settings its figures use. Row changes are not counted here (counting 300k orders takes Chromium
 * most of a second): whatever changes orders or tiers tells the keeper (schedule), which marks the
 * snapshot stale at once.
 */
export function reportStamp(settings: Settings, now: number): string {
  const { tierLadder, lapseDays, shopCurrency, timeZone, rfmBreaks, categoryCycles } = settings;
  return JSON.stringify([localDayNumber(now, timeZone), tierLadder, lapseDays, shopCurrency, timeZone, rfmBreaks?.computedAt ?? null, categoryCycles]);
}

export async function readReportSnapshot(db: RegularsDb): Promise<ReportSnapshot | undefined> {
  const row = await db.settings.get(REPORT_SNAPSHOT_KEY);
  const snapshot = row?.value as ReportSnapshot | undefined;
  return snapshot?.version === SNAPSHOT_VERSION ? snapshot : undefined;
}

/** The snapshot and whether it is current, for the page (over its own connection). */
export async function readSnapshotState(db: RegularsDb, now: number): Promise<{ settings: Settings; snapshot: ReportSnapshot | undefined; fresh: boolean }> {
  const [settings, snapshot] = await Promise.all([readSettings(db), readReportSnapshot(db)]);
  return { settings, snapshot, fresh: isCurrent(snapshot, settings, now) };
}

const isCurrent = (snapshot: ReportSnapshot | undefined, settings: Settings, now: number): snapshot is ReportSnapshot =>
  snapshot !== undefined && !snapshot.stale && snapshot.stamp === reportStamp(settings, now);
