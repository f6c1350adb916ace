// The physical floor of an import's memory: every record the store holds, copied a batch at a time
// with raw IndexedDB into stores of the same keys and indexes. Only one batch is held at a time, as
// an import holds one file batch, so what the browser gains meanwhile is IndexedDB's own cost of
// writing those records (its backend's buffers in the browser process, the renderer's side).
import { IMPORT_BATCH } from '@/lib/domain/imported-order';
import { CURRENT_STORES, deleteDb, openRaw, rawPut, request } from './raw-idb';

const FLOOR_DB = 'regulars-bench-raw-floor';

/** The next `count` records of `table` after `after` (a primary key), with their keys. */
async function page(db: IDBDatabase, table: string, after: IDBValidKey | undefined, count: number) {
  const store = db.transaction(table).objectStore(table);
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const [keys, rows] = await Promise.all([request(store.getAllKeys(range, count)), request(store.getAll(range, count))]);
  return { keys, rows: rows as object[] };
}

export const rawFloorBench = {
  /** Copies the store `regulars` into a raw database a batch at a time, then deletes the copy. */
  async rawCopyOfStore() {
    const source = await request(indexedDB.open('regulars'));
    const tables = [...source.objectStoreNames].filter((name) => CURRENT_STORES[name]);
    await deleteDb(FLOOR_DB);
    const raw = await openRaw(FLOOR_DB, tables);
    const counts: Record<string, number> = {};
    const t = performance.now();
    for (const table of tables) {
      let after: IDBValidKey | undefined;
      for (;;) {
        const { keys, rows } = await page(source, table, after, IMPORT_BATCH);
        if (rows.length === 0) break;
        await rawPut(raw, table, rows);
        counts[table] = (counts[table] ?? 0) + rows.length;
        after = keys[keys.length - 1];
        if (rows.length < IMPORT_BATCH) break;
      }
    }
    const ms = performance.now() - t;
    source.close();
    raw.close();
    return { counts, ms };
  },

  dropRawCopy: () => deleteDb(FLOOR_DB),
};
