// Writes to the team's shared tables (lib/domain/sync/documents.ts) not yet taken by team sync. Every
// read-write transaction that writes one leaves a note of the keys it wrote in the caches table, in
// the same transaction (a DBCore middleware, as generation.ts writes its marks): the note commits
// with the write or not at all. Sync's noter clears a transaction's notes once their outbox rows are
// written, and notes whatever is left when it starts: a write whose change was never noted (the
// service worker ended mid-noting, or a page wrote while no worker listened to the change channel)
// is sent then. Writes that apply what came from the team (a sync origin) leave none.
// A store that was never on a team leaves none either (NOTING_KEY): its first join sends every shared
// table whole (sync's engine, first cycle), and the notes cost an import of 100k orders some 15-25%
// of its time, each batch noting its ~10k keys for the noter to clear again.
import type { DBCore, Middleware, Table } from 'dexie';
import { isSyncOrigin } from '../domain/origins';
import { SHARED_TABLES } from '../domain/sync/documents';
import { newGeneration } from './generation';
import { notingMiddleware } from './noting-middleware';
import { originOf } from './write-origin';

const PREFIX = 'unsent:';
/**
 * In the caches table once this store has been on a team (startNotingUnsent); never removed. Read in
 * the writing transaction itself while absent: a write that saw it absent committed before it was put,
 * so before the first join read the tables whole.
 */
export const NOTING_KEY = 'sync-noting';
const SHARED: ReadonlySet<string> = new Set(Object.keys(SHARED_TABLES));

/** One write's part of a transaction: the keys written (null: a range of the table, a clear). */
interface UnsentNote {
  table: string;
  keys: string[] | null;
}

// Each transaction's notes are `${prefix}${n}`, one per write to a shared table.
const written = new WeakMap<object, { prefix: string; n: number; whole: Set<string> }>();

/** The key prefix of the notes a native transaction left; undefined when it left none. */
export const unsentWrittenBy = (trans: object): string | undefined => written.get(trans)?.prefix;

export const unsentMiddleware = (): Middleware<DBCore> => {
  // Once seen, the mark stays (it is never removed): no more reads of it.
  let noting = false;
  return notingMiddleware('regulars-unsent', SHARED, async (caches, table, req, result) => {
    if (isSyncOrigin(originOf(req.trans))) return;
    if (!noting) noting = (await caches.get({ trans: req.trans, key: NOTING_KEY })) !== undefined;
    if (!noting) return;
    const keys = req.type === 'deleteRange' ? null : req.type === 'delete' ? req.keys : (result.results ?? req.keys ?? []);
    let t = written.get(req.trans);
    if (!t) written.set(req.trans, (t = { prefix: `${PREFIX}${newGeneration()}:`, n: 0, whole: new Set() }));
    // The table is noted whole in this transaction (a clear: a restore clears every table, then writes
    // every row): its rows are read as they are at its noting, so no later write needs a note of keys.
    if (t.whole.has(table)) return;
    if (!keys) t.whole.add(table);
    const note: UnsentNote = { table, keys: keys && keys.map(String) };
    await caches.mutate({ type: 'put', trans: req.trans, values: [{ key: `${t.prefix}${t.n++}`, value: note }] });
  });
};

type Caches = Table<{ key: string; value: unknown }, string>;

/** From now on every write to a shared table leaves its note (sync's service: on a team, or connecting to one). */
export async function startNotingUnsent(caches: Caches): Promise<void> {
  if (!(await caches.get(NOTING_KEY))) await caches.put({ key: NOTING_KEY, value: true });
}

/** What was written and not yet taken: the notes' keys, and per table the keys written (undefined: all of it). */
export async function unsentWrites(caches: Caches): Promise<{ notes: string[]; tables: Map<string, Set<string> | undefined> }> {
  const rows = await caches.where('key').startsWith(PREFIX).toArray();
  const tables = new Map<string, Set<string> | undefined>();
  for (const { value } of rows) {
    const { table, keys } = value as UnsentNote;
    const seen = tables.has(table) ? tables.get(table) : new Set<string>();
    if (!seen || !keys) tables.set(table, undefined);
    else {
      for (const k of keys) seen.add(k);
      tables.set(table, seen);
    }
  }
  return { notes: rows.map((r) => r.key), tables };
}

/** Clears notes taken: one transaction's (its prefix, unsentWrittenBy) or these keys. */
export async function clearUnsent(caches: Caches, taken: string | readonly string[]): Promise<void> {
  if (typeof taken === 'string') await caches.where('key').startsWith(taken).delete();
  else if (taken.length) await caches.bulkDelete([...taken]);
}
