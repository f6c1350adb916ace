// Reminders stored under the ids earlier versions gave them (win-back used the last order's local
// date, so a time zone change made a second one): recognised as the occurrence they stand for, and
// when a store already holds it twice, the extra active copies are retired.
import type { Proposed } from '../../domain';
import type { ReminderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';
import { storedKeys } from './stored-keys';

/** Which copy stands for the occurrence: what a user decided first, an untouched open one last. */
const RANK: Record<string, number> = { done: 0, dismissed: 1, snoozed: 2, suppressed: 3, open: 4 };

/**
 * Of these proposals (none stored under its own id), the ids of those a row under a former id stands
 * for: same member, kind and refAt. Extra active copies among those rows are dismissed.
 */
export async function formerlyStored(db: RegularsDb, proposed: readonly Proposed[], now: number): Promise<Set<string>> {
  const withFormer = proposed.filter((p) => p.formerIds?.length);
  const found = new Set<string>();
  if (!withFormer.length) return found;
  // Most former ids were never stored (a store made since they changed has none): only those that are, are read.
  const rows = await db.reminders.bulkGet([...(await storedKeys(db, withFormer.flatMap((p) => p.formerIds!)))]);
  const byId = new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const retired: ReminderRow[] = [];
  for (const p of withFormer) {
    const same = p.formerIds!.flatMap((id) => {
      const r = byId.get(id);
      return r && r.memberId === p.memberId && r.kind === p.kind && r.refAt === p.refAt ? [r] : [];
    });
    if (!same.length) continue;
    found.add(p.id);
    same.sort((a, b) => (RANK[a.state] ?? 5) - (RANK[b.state] ?? 5));
    for (const r of same.slice(1)) if (r.state === 'open' || r.state === 'snoozed') retired.push({ ...r, state: 'dismissed', suppressedBecause: 'duplicate', updatedAt: now });
  }
  if (retired.length) await db.reminders.bulkPut(retired);
  return found;
}
