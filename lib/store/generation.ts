// Generations of the members, identities, orders and tierChanges tables: every write to one of them also writes a new
// mark for it, in the same transaction (a Dexie DBCore middleware widens every read-write
// transaction that touches them to the `caches` table). Derived data kept on disk (the member facts
// that segments evaluate over, the orders and tier changes a reminder sweep last read) records the generation it was built from, and is good exactly while
// the mark is unchanged: after a crash, a restart of the service worker, or a write from another
// extension page alike, since the mark commits with the write or not at all.
import type { DBCore, Middleware } from 'dexie';
import { CACHES_TABLE, notingMiddleware } from './noting-middleware';

export { CACHES_TABLE };
export const WATCHED_TABLES = ['members', 'identities', 'orders', 'tierChanges'] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];
const WATCHED: ReadonlySet<string> = new Set(WATCHED_TABLES);

export const generationKey = (table: WatchedTable) => `generation:${table}`;

let counter = 0;
/** Unique per write: the time, a per-context counter and a random part (contexts write concurrently). */
export const newGeneration = () => `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 10)}`;

// The last mark each transaction wrote per table, by native transaction: its change carries them (changes.ts).
const written = new WeakMap<object, Record<string, string>>();

/** The marks a transaction wrote, per table (the last of each); undefined when it wrote none. */
export const marksWrittenBy = (trans: object): Readonly<Record<string, string>> | undefined => written.get(trans);

export const generationMiddleware = (): Middleware<DBCore> =>
  notingMiddleware('regulars-generations', WATCHED, (caches, table, req) => {
    const value = newGeneration();
    written.set(req.trans, { ...written.get(req.trans), [table]: value });
    return caches.mutate({ type: 'put', trans: req.trans, values: [{ key: generationKey(table as WatchedTable), value }] });
  });
