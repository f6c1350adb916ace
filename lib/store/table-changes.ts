// Committed writes to a table, as Dexie reports them ('storagemutated'): in this context and, over a
// BroadcastChannel, from the other extension contexts. What is held in memory from a table is
// dropped through here.
import Dexie from 'dexie';

/** `table` and `dbName` undefined: anything may have changed (Dexie says 'all'). */
export type TableChangeListener = (table: string | undefined, dbName: string | undefined) => void;

const listeners = new Set<TableChangeListener>();
let subscribed = false;

export function onTableChanged(listener: TableChangeListener): () => void {
  if (!subscribed) {
    subscribed = true;
    Dexie.on('storagemutated', (parts) => {
      for (const key of Object.keys(parts)) {
        if (key === 'all') {
          for (const l of listeners) l(undefined, undefined);
          return;
        }
        const match = /^idb:\/\/(.+?)\/([^/]+)\//.exec(key);
        if (match) for (const l of listeners) l(match[2], match[1]);
      }
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** More keys than this per database and the oldest are not worth keeping: all are dropped. */
const MAX_HELD = 32;

/**
 * Values read from a database, held per database and key until one of `tables` changes (in this
 * context or another) or `clear()` is called. A read that fails is not kept.
 */
export function heldUntilChanged<V>(tables: readonly string[]) {
  const watched = new Set(tables);
  const held = new Map<{ name: string }, Map<string, Promise<V>>>();
  const drop = (dbName: string | undefined) => {
    for (const db of [...held.keys()]) if (dbName === undefined || db.name === dbName) held.delete(db);
  };
  onTableChanged((table, dbName) => {
    if (table === undefined || watched.has(table)) drop(dbName);
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
