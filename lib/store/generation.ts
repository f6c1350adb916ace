// Generations of the members, identities, orders and tierChanges tables: every write to one of them also writes a new
// mark for it, in the same transaction (a Dexie DBCore middleware widens every read-write
// transaction that touches them to the `caches` table). Derived data kept on disk (the member facts
// that segments evaluate over, the orders and tier changes a reminder sweep last read) records the generation it was built from, and is good exactly while
// the mark is unchanged: after a crash, a restart of the service worker, or a write from another
// extension page alike, since the mark commits with the write or not at all.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { RegularsDb } from './database';

export const CACHES_TABLE = 'caches';
export const WATCHED_TABLES = ['members', 'identities', 'orders', 'tierChanges'] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];
const WATCHED: ReadonlySet<string> = new Set(WATCHED_TABLES);

export const generationKey = (table: WatchedTable) => `generation:${table}`;

let counter = 0;
/** Unique per write: the time, a per-context counter and a random part (contexts write concurrently). */
export const newGeneration = () => `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 10)}`;

export function generationMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'regulars-generations',
    create(down) {
      // Databases opened at an older schema (migration tests) have no caches table: nothing to mark.
      const enabled = down.schema.tables.some((t) => t.name === CACHES_TABLE);
      if (!enabled) return {};
      const caches = down.table(CACHES_TABLE);
      const mark = (table: string, req: DBCoreMutateRequest) =>
        caches.mutate({ type: 'put', trans: req.trans, values: [{ key: generationKey(table as WatchedTable), value: newGeneration() }] });
      return {
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.some((s) => WATCHED.has(s)) && !stores.includes(CACHES_TABLE);
          return down.transaction(widen ? [...stores, CACHES_TABLE] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!WATCHED.has(name)) return table;
          const watched: DBCoreTable = {
            ...table,
            async mutate(req) {
              const result = await table.mutate(req);
              await mark(name, req);
              return result;
            },
          };
          return watched;
        },
      };
    },
  };
}

/**
 * Data derived from `tables`, kept in the caches table under `key` with the generation marks it
 * was built from: read from there while every mark is unchanged, else `scan`ned (in one
 * transaction with the marks) and kept for next time. A record that no longer reads (`decode`
 * throws) is scanned again. Without marks (a new, empty store) nothing is kept.
 */
export async function keptWhileUnchanged<T, C>(
  db: RegularsDb,
  key: string,
  tables: readonly WatchedTable[],
  scan: () => Promise<{ value: T; columns: C }>,
  decode: (columns: C) => T,
  served?: (how: 'disk' | 'scan') => void,
): Promise<T> {
  const marks = async () => {
    const rows = await Promise.all(tables.map((t) => db.caches.get(generationKey(t))));
    return rows.every((r) => r !== undefined) ? rows.map((r) => r!.value as string).join('|') : undefined;
  };
  const [current, stored] = await db.transaction('r', [db.caches], () => Promise.all([marks(), db.caches.get(key)]));
  if (current !== undefined && stored?.generation === current) {
    try {
      const value = decode(stored.value as C);
      served?.('disk');
      return value;
    } catch (e) {
      console.warn(`Regulars: kept ${key} could not be read; reading the rows instead`, e);
    }
  }
  served?.('scan');
  const { generation, value, columns } = await db.transaction('r', [...tables.map((t) => db.table(t)), db.caches], async () => ({ generation: await marks(), ...(await scan()) }));
  // Kept only if nothing was written since the scan (a mark would have moved): stale data is never stored.
  if (generation !== undefined) {
    await db
      .transaction('rw', [db.caches], async () => {
        if ((await marks()) === generation) await db.caches.put({ key, generation, builtAt: Date.now(), value: columns });
      })
      .catch((e) => console.warn(`Regulars: ${key} not kept`, e));
  }
  return value;
}
