// The members page's first screen before the whole list is built: the members of highest spend
// (the table's first sort), picked from the member facts the background keeps on disk
// (lib/background/segments/member-snapshot.ts) and read, with their identities, by id alone.
// Reading every member and identity takes seconds at 100k; this takes one record and a few rows.
import { memberIds, type MemberColumns } from '@/lib/domain/member-columns';
import type { RegularsDb } from '@/lib/store/database';
import { KEPT_FACTS, keptIfCurrent } from '@/lib/store/kept';
import type { MemberRow } from '@/lib/domain/rows';
import { memberListParts, type ListContext, type MemberListParts } from './member-list';

/** More than a tall window shows: the table scrolls a little before the whole list is there. */
export const FIRST_ROWS = 60;

/** The `n` highest of `spend` by index, highest first and list order among equals (as the table sorts them). */
export function topBySpend(spend: ArrayLike<number>, n: number): number[] {
  const count = spend.length;
  if (count === 0 || n <= 0) return [];
  const sorted = Float64Array.from(spend).sort();
  const floor = sorted[Math.max(0, count - n)]!;
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (spend[i]! >= floor) out.push(i);
  return out.sort((a, b) => spend[b]! - spend[a]! || a - b).slice(0, n);
}

/**
 * The first rows of the members table, or undefined while the kept facts are not those of the
 * members table as it is (an import just wrote: the whole list is read instead). `total`: how many
 * members the whole list will hold.
 */
export async function firstRows(db: RegularsDb, ctx: ListContext, n = FIRST_ROWS): Promise<{ parts: MemberListParts; total: number } | undefined> {
  const columns = await keptIfCurrent<MemberColumns>(db, KEPT_FACTS.members, ['members']);
  if (!columns) return undefined;
  const ids = memberIds(columns);
  const top = topBySpend(columns.spendMinor, n).map((i) => ids[i]!);
  const [members, identities] = await db.transaction('r', [db.members, db.identities], () =>
    Promise.all([db.members.bulkGet(top), db.identities.where('memberId').anyOf(top).toArray()]),
  );
  const rows = members.filter((m): m is MemberRow => m !== undefined);
  return { parts: memberListParts(rows, identities, ctx), total: ids.length };
}
