// Raw IndexedDB for the bench page's baselines: object stores shaped like ours (key paths and
// indexes from the schema), written without Dexie.
import { SCHEMA_VERSIONS } from '@/lib/store/schema';

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

export const CURRENT_STORES = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.stores;

/** A request's result. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A new database of these tables, each with the key and indexes `stores` gives it (Dexie's syntax; the store's own unless given). */
export function openRaw(name: string, tables: readonly string[], stores: Record<string, string | null> = CURRENT_STORES): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const table of tables) {
        const [primary, ...indexes] = stores[table]!.split(',').map((x) => x.trim());
        const store = req.result.createObjectStore(table, { keyPath: primary });
        for (const spec of indexes) {
          const multiEntry = spec.startsWith('*');
          const bare = spec.replace(/^\*/, '');
          const keyPath = bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
          store.createIndex(spec, keyPath, { multiEntry });
        }
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function rawPut(db: IDBDatabase, table: string, rows: object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(table, 'readwrite');
    const store = tx.objectStore(table);
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
