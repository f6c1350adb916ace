// Values read from the store and held in memory until the tables they come from change, as the
// change stream (changes.ts) reports it: in this context and, over a BroadcastChannel, in the others.
import { onCommitted, type StoreChange } from './changes';

/** More keys than this per database and the oldest are not worth keeping: all are dropped. */
const MAX_HELD = 32;

/**
 * Values read from a database, held per database and key until one of `tables` changes (in this
 * context or another; or a write `tables` says changes them) or `clear()` is called. A read that fails is not kept.
 */
export function heldUntilChanged<V>(tables: readonly string[] | ((change: StoreChange) => boolean)) {
  const watched = new Set(typeof tables === 'function' ? [] : tables);
  const changes = typeof tables === 'function' ? tables : (change: StoreChange) => change.tables.some((t) => watched.has(t.table));
  const held = new Map<{ name: string }, Map<string, Promise<V>>>();
  const drop = (dbName: string | undefined) => {
    for (const db of [...held.keys()]) if (dbName === undefined || db.name === dbName) held.delete(db);
  };
  onCommitted((change) => {
    if (changes(change)) drop(change.db);
  });
  return {
    get(db: { name: string }, key: string, read: () => Promise<V>): Promise<V> {
      let mine = held.get(db);
      if (!mine || mine.size > MAX_HELD) held.set(db, (mine = new Map()));
      let value = mine.get(key);
      if (!value) {
        const made = read();
        value = made;
        const kept = mine;
        kept.set(key, made);
        made.catch(() => kept.get(key) === made && kept.delete(key));
      }
      return value;
    },
    clear: () => drop(undefined),
  };
}
