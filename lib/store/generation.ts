// Generations of the members, identities, orders and tierChanges tables: every write to one of them also writes a new
// mark for it, in the same transaction (a Dexie DBCore middleware widens every read-write
// transaction that touches them to the `caches` table). Derived data kept on disk (the member facts
// that segments evaluate over, the orders and tier changes a reminder sweep last read) records the generation it was built from, and is good exactly while
// the mark is unchanged: after a crash, a restart of the service worker, or a write from another
// extension page alike, since the mark commits with the write or not at all.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { journalAfter, journalKey, JOURNALED_TABLES, writtenKeys } from './journal';

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
      const mark = async (table: string, req: DBCoreMutateRequest, results: readonly unknown[] | undefined) => {
        const value = newGeneration();
        const rows: object[] = [{ key: generationKey(table as WatchedTable), value }];
        if (JOURNALED_TABLES.has(table)) {
          const [previous, journal] = await caches.getMany({ trans: req.trans, keys: [generationKey(table as WatchedTable), journalKey(table)] });
          rows.push({ key: journalKey(table), value: journalAfter(journal?.value, previous?.value, value, writtenKeys(req, results)) });
        }
        await caches.mutate({ type: 'put', trans: req.trans, values: rows });
      };
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
              await mark(name, req, result.results);
              return result;
            },
          };
          return watched;
        },
      };
    },
  };
}
