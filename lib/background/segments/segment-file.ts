// A saved segment's CSV file built from the store (the members page builds it from the members it shows).
import type { SegmentFilter } from '../../domain/segments';
import { frequencyCapHours, recentlyContacted } from '../../store/contacts';
import type { RegularsDb } from '../../store/database';
import { segmentCsvOf, type SegmentColumn, type SegmentCsv } from '../../export/segment-csv';
import type { CsvContext } from '../../export/csv';
import { evaluateFilter } from './segments';

/** Evaluates the filter over the store and builds the file. */
export async function segmentCsv(db: RegularsDb, filter: SegmentFilter, columns: readonly SegmentColumn[], ctx: CsvContext): Promise<SegmentCsv> {
  const members = await evaluateFilter(db, filter, await db.members.toArray(), ctx.settings, ctx.now);
  const wanted = members.filter((m) => !m.doNotContact).map((m) => m.id);
  const [identities, capHours] = await Promise.all([db.identities.where('memberId').anyOf(wanted).toArray(), frequencyCapHours(db)]);
  const contacted = await recentlyContacted(db, capHours, ctx.now);
  return { ...segmentCsvOf(members, identities, columns, contacted, ctx), capHours };
}
