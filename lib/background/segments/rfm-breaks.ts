// RFM cut points: quintiles of the shop's own members, recomputed after orders change (by the
// reports' keeper, in the same pass over the member facts as the report: reports/report-snapshot.ts).
import { rfmBreaksOfColumns } from '../../domain/rfm';
import type { Settings } from '../../domain/settings';
import type { RegularsDb } from '../../store/database';
import { readSettings, writeSettings } from '../../store/settings';
import { memberColumns, type MemberColumnsRead } from './member-snapshot';

/** The cut points of these member facts, as the settings keep them (rfmBreaks ignores members without orders). */
export function keptRfmBreaks(facts: MemberColumnsRead, now: number, timeZone: string): NonNullable<Settings['rfmBreaks']> {
  return { ...rfmBreaksOfColumns(facts.columns, now, timeZone), computedAt: now, members: facts.columns.count };
}

/** Computes the cut points from the member facts now and stores them. */
export async function refreshRfmBreaks(db: RegularsDb, now: number): Promise<Settings['rfmBreaks']> {
  const [settings, facts] = await Promise.all([readSettings(db), memberColumns(db)]);
  const breaks = keptRfmBreaks(facts, now, settings.timeZone);
  await writeSettings(db, { rfmBreaks: breaks });
  return breaks;
}
