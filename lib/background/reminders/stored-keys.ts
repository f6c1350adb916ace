// Which of many reminder ids are stored: one read of the keys between the least and the greatest (no
// rows), far cheaper than a get per id when a sweep proposes thousands (a get per id made a repeat
// sweep at 100k members 2.5× slower, and the first sweep after a big import looked up every
// win-back's former ids one by one). A few ids are looked up.
import type { RegularsDb } from '../../store/database';

/** Beyond this many ids, which exist is read from the keys alone. */
export const KEYS_ABOVE = 500;

/** The ids among `ids` that a reminder is stored under (call inside a transaction over reminders to see one made meanwhile). */
export async function storedKeys(db: RegularsDb, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!ids.length) return found;
  if (ids.length <= KEYS_ABOVE) {
    for (const r of await db.reminders.bulkGet([...ids])) if (r) found.add(r.id);
    return found;
  }
  const sorted = [...ids].sort();
  const wanted = new Set(ids);
  const keys = (await db.reminders.where(':id').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).primaryKeys()) as string[];
  for (const key of keys) if (wanted.has(key)) found.add(key);
  return found;
}
