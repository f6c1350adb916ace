// The reports page draws from a snapshot of the report kept in the settings table, not from a
// fresh read of the store: Chromium takes seconds to hand a page 300k order rows (a raw getAll of
// them is most of that; tests/bench 'reports-page-ready'), while the page must be up in well under
// one. The background recomputes the snapshot off the hot path after orders change or a ladder is
// applied, and whenever the page finds it stale (marked so, another day, or other settings).
import { memberReportPart, shopReport, type ReportSummary, type ShopReport } from '../../domain/reports';
import type { RegularsDb } from '../../store/database';
import { ReadAbandoned, readReportDataInPages, REPORT_PAGE } from '../../store/report-data';
import { readReportSnapshot, readSnapshotState, REPORT_SNAPSHOT_KEY, reportStamp, SNAPSHOT_VERSION, type ReportSnapshot } from '../../store/report-snapshot';

/**
 * Reads the store (a page at a time: writers never wait long behind it), computes the report and
 * stores it as the snapshot. When only members changed since the stored snapshot (same day and
 * settings, its order figures not marked stale), only the members are read and the order figures
 * kept. `stop`: give up (ReadAbandoned) when rows change meanwhile.
 */
export async function writeReportSnapshot(db: RegularsDb, now: number, stop?: () => boolean, ordersChanged = true): Promise<ReportSnapshot> {
  const started = performance.now();
  const before = await readSnapshotState(db, now);
  const kept = !ordersChanged && before.snapshot && !before.snapshot.ordersStale ? before.snapshot : undefined;
  const keptStamp = kept?.stamp === reportStamp(before.settings, now) ? kept?.stamp : undefined;
  const { settings, members, orders } = await readReportDataInPages(db, stop, REPORT_PAGE, keptStamp === undefined);
  const stamp = reportStamp(settings, now);
  // The settings moved between the two reads: everything is read again.
  if (keptStamp !== undefined && stamp !== keptStamp) return writeReportSnapshot(db, now, stop, true);
  const ctx = { ...settings, now };
  const report: ReportSummary = kept && keptStamp !== undefined
    ? { ...kept.report, ...memberReportPart(members, ctx), generatedAt: now }
    : withoutIntervals(shopReport(members, orders, ctx));
  const snapshot: ReportSnapshot = { version: SNAPSHOT_VERSION, stamp, ms: performance.now() - started, report };
  await db.settings.put({ key: REPORT_SNAPSHOT_KEY, value: snapshot });
  return snapshot;
}

const withoutIntervals = ({ intervalDays: _dropped, ...report }: ShopReport): ReportSummary => report;

/** Marks the stored snapshot stale: rows it was computed from changed (`orders`: orders among them). */
export async function markReportStale(db: RegularsDb, orders = true): Promise<void> {
  // One transaction: two marks in a row (orders, then members) must not undo each other.
  await db.transaction('rw', [db.settings], async () => {
    const snapshot = await readReportSnapshot(db);
    if (!snapshot || (snapshot.stale && (snapshot.ordersStale || !orders))) return;
    await db.settings.put({ key: REPORT_SNAPSHOT_KEY, value: { ...snapshot, stale: true, ordersStale: snapshot.ordersStale || orders } });
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
  // Bumped by changes to orders: while it is unchanged since the last full computation, a change
  // to members alone recomputes only the member figures.
  let ordersGeneration = 0;
  let ordersComputed = -1;
  /** `abandon`: a background refresh gives up as soon as rows change under it (a newer one follows). */
  const compute = async (abandon: boolean) => {
    const seen = generation;
    const seenOrders = ordersGeneration;
    await before();
    const snapshot = await writeReportSnapshot(db, now(), abandon ? () => seen !== generation : undefined, seenOrders !== ordersComputed);
    ordersComputed = seenOrders;
    if (seen !== generation) await markReportStale(db, seenOrders !== ordersGeneration);
    return snapshot;
  };
  const refresh = (abandon: boolean): Promise<ReportSnapshot> => {
    running ??= compute(abandon).finally(() => (running = undefined));
    return running;
  };
  return {
    /**
     * Rows changed: the snapshot is stale now, and is recomputed once changes pause; `members`:
     * only members changed (a ladder, tags, a merge), so the order figures are kept.
     */
    schedule(what: 'orders' | 'members' = 'orders') {
      generation++;
      if (what === 'orders') ordersGeneration++;
      markReportStale(db, what === 'orders').catch(() => undefined);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        // After any computation under way, which may have read the rows before this change.
        (running ?? Promise.resolve())
          .catch(() => undefined)
          .then(() => refresh(true))
          .catch((e) => e instanceof ReadAbandoned || console.error('Regulars: report refresh failed', e));
      }, delayMs);
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
