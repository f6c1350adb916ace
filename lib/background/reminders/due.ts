// What is due: the reminders that fell due, the toolbar's count for today, the next due time.
import Dexie from 'dexie';
import { startOfLocalDay } from '../../domain';
import type { ReminderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';

const ACTIVE = ['open', 'snoozed'] as const;

/** Active reminders due before `until`, oldest first. */
export async function activeDueBefore(db: RegularsDb, until: number, after = -1): Promise<ReminderRow[]> {
  const rows = await Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, after], [s, until], false, true).toArray()));
  return rows.flat().sort((a, b) => a.dueAt - b.dueAt);
}

/** The toolbar badge: active reminders due by the end of today in the shop's zone (overdue included). */
export async function dueTodayCount(db: RegularsDb, now: number, timeZone: string): Promise<number> {
  const end = startOfLocalDay(startOfLocalDay(now, timeZone) + 36 * 3_600_000, timeZone);
  const counts = await Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, Dexie.minKey], [s, end], true, false).count()));
  return counts[0]! + counts[1]!;
}

/** The earliest active due time after `now`, for the one alarm. */
export async function nextDueAt(db: RegularsDb, now: number): Promise<number | undefined> {
  const firsts = await Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, now], [s, Dexie.maxKey], false, true).first()));
  const times = firsts.filter((r): r is ReminderRow => !!r).map((r) => r.dueAt);
  return times.length ? Math.min(...times) : undefined;
}
