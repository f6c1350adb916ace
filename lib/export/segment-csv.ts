// A segment to CSV for the SMS / e-mail / LINE tool the shop already uses. Do-not-contact members are
// never in the file; members contacted within the frequency cap are in it, flagged, so the shop can
// leave them out of this send. The member columns are the master file's (lib/export/csv.ts).
import type { IdentityRow, MemberRow } from '../domain/rows';
import type { MessageKey } from '../i18n';
import { CSV_BOM, csvLine, MEMBER_COLUMNS, memberCsvRow, type CsvContext } from './csv';

/** Columns a segment export can have: the master file's, less do-not-contact (nobody exported is). */
export const SEGMENT_COLUMNS = MEMBER_COLUMNS.filter((c) => c !== 'export.members.doNotContact');
export type SegmentColumn = (typeof SEGMENT_COLUMNS)[number];
export const CONTACTED_COLUMN: MessageKey = 'segments.export.contactedColumn';

export interface SegmentCsv {
  parts: string[];
  /** Members in the file, in file order: the ones a "campaign was sent" logs a contact for. */
  memberIds: string[];
  /** Of those, contacted within the frequency cap (flagged in the file's last column). */
  flagged: number;
  /** Members of the segment left out because they asked not to be contacted. */
  doNotContact: number;
  capHours: number;
}

/** Builds the file from members already selected (the page has them in memory). */
export function segmentCsvOf(
  members: readonly MemberRow[],
  identities: readonly IdentityRow[],
  columns: readonly SegmentColumn[],
  contacted: ReadonlySet<string>,
  ctx: CsvContext,
): Omit<SegmentCsv, 'capHours'> {
  const picks = columns.map((c) => MEMBER_COLUMNS.indexOf(c));
  const byMember = new Map<string, IdentityRow[]>();
  for (const i of identities) {
    const list = byMember.get(i.memberId);
    if (list) list.push(i);
    else byMember.set(i.memberId, [i]);
  }
  const parts = [CSV_BOM + csvLine([...columns.map((k) => ctx.t(k)), ctx.t(CONTACTED_COLUMN)])];
  const memberIds: string[] = [];
  let flagged = 0;
  let doNotContact = 0;
  let chunk = '';
  for (const m of members) {
    if (m.doNotContact) {
      doNotContact += 1;
      continue;
    }
    const row = memberCsvRow(m, byMember.get(m.id) ?? [], ctx);
    const recent = contacted.has(m.id);
    if (recent) flagged += 1;
    chunk += csvLine([...picks.map((i) => row[i]), recent ? ctx.t('export.yes') : '']);
    memberIds.push(m.id);
    if (chunk.length > 1_000_000) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  return { parts, memberIds, flagged, doNotContact };
}
