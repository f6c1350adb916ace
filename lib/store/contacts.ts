// The contact log as the frequency cap reads it: who was contacted recently, and the cap itself.
import type { RegularsDb } from './database';

/** The frequency cap's setting key (owned by reminders); a missing or bad value means 24 hours. */
export const FREQUENCY_CAP_KEY = 'frequencyCapHours';
export const DEFAULT_FREQUENCY_CAP_HOURS = 24;
const HOUR_MS = 3_600_000;

export async function frequencyCapHours(db: RegularsDb): Promise<number> {
  const row = await db.settings.get(FREQUENCY_CAP_KEY);
  const value = row?.value;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_FREQUENCY_CAP_HOURS;
}

/** Members contacted within the last `capHours` hours. */
export async function recentlyContacted(db: RegularsDb, capHours: number, now: number): Promise<Set<string>> {
  const rows = await db.contacts.where('at').aboveOrEqual(now - capHours * HOUR_MS).toArray();
  return new Set(rows.map((r) => r.memberId));
}
