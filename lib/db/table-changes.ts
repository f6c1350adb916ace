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
