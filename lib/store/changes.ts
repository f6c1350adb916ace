// The change stream: every committed write to the store becomes one typed event, once, after its
// transaction commits (a rolled-back one emits nothing). Events from the other extension contexts
// (the options page's restore, the members page) arrive over a BroadcastChannel. Whatever is derived
// from the rows (member facts, the Today list, settings held in memory, import caches, the report,
// RFM cut points, team sync) listens here, and to nothing else.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { STORE_CHANGES_CHANNEL, STORE_TABLES_CHANNEL, type ChangedTables } from '../domain/change-channel';
import { marksWrittenBy } from './generation';
import { unsentWrittenBy } from './unsent';
import { originOf } from './write-origin';

/** One table's part of a committed write. */
export interface TableChange {
  table: string;
  kind: 'put' | 'delete';
  /** Primary keys written; `null` when a range was deleted (a table cleared by a restore): anything in it may be gone. */
  keys: readonly string[] | null;
}

export interface StoreChange {
  /** The database written (tests open several). */
  db: string;
  /** Per table and kind, in the order first written. */
  tables: readonly TableChange[];
  /** 'here': this context wrote it; 'elsewhere': another extension context did. */
  from: 'here' | 'elsewhere';
  /** Who wrote it, when the writer said so (withOrigin): e.g. an import session, or team sync applying remote rows. */
  origin?: string | undefined;
  /** The generation marks (generation.ts) the write left, per watched table it wrote. */
  marks?: Readonly<Record<string, string>> | undefined;
  /** The notes of unsent writes (unsent.ts) the write left: cleared by whoever sends it on. */
  unsent?: string | undefined;
  /**
   * In this context only ('here'): the rows put, per table in CARRIED, as written (a listener
   * keeps what it derives from them without reading them back). Never sent to other contexts.
   */
  rows?: ReadonlyMap<string, readonly unknown[]> | undefined;
}

export type ChangeListener = (change: StoreChange) => void;

/** Derived data on disk (the caches table) is not a row of the shop: writing it is no change. */
const UNWATCHED = new Set(['caches']);
/**
 * Tables whose put rows a change carries to listeners in the writing context (the member facts, the
 * order ledger and the tier ladder follow them; the reminders' check reads back only those that may fire).
 */
const CARRIED = new Set(['members', 'orders', 'settings', 'reminders']);

const listeners = new Set<ChangeListener>();
let channel: BroadcastChannel | undefined;
let tablesChannel: BroadcastChannel | undefined;

/** A channel of this name that does not keep Node (benches, scripts) alive while it listens. */
function unrefChannel(name: string): BroadcastChannel {
  const made = new BroadcastChannel(name);
  (made as BroadcastChannel & { unref?: () => void }).unref?.();
  return made;
}

/** Tells the pages which tables a write touched (STORE_TABLES_CHANNEL), without its keys. */
function postTables(db: string, tables: readonly TableChange[]): void {
  if (typeof BroadcastChannel === 'undefined') return;
  tablesChannel ??= unrefChannel(STORE_TABLES_CHANNEL);
  tablesChannel.postMessage({ db, tables: tables.map(({ table }) => ({ table })) } satisfies ChangedTables);
}

function openChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = unrefChannel(STORE_CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<Omit<StoreChange, 'from'>>) => deliver({ ...event.data, from: 'elsewhere' });
  return channel;
}

function deliver(change: StoreChange): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (e) {
      console.error('Regulars: a change listener failed', e);
    }
  }
}

/**
 * Calls `listener` with every committed write, in this context and the others. Returns the
 * function that stops it.
 */
export function onCommitted(listener: ChangeListener): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Does this change touch any of these tables? */
export const touches = (change: StoreChange, tables: readonly string[]): boolean => change.tables.some((t) => tables.includes(t.table));

/** The rows a change put into `table` in this context, when it carries them (CARRIED tables); undefined otherwise. */
export const rowsOf = <T>(change: StoreChange, table: string): readonly T[] | undefined => change.rows?.get(table) as readonly T[] | undefined;

/** The keys a change wrote to `table` (undefined: unknown, a range was deleted). */
export function keysOf(change: StoreChange, table: string): Set<string> | undefined {
  const out = new Set<string>();
  for (const t of change.tables) {
    if (t.table !== table) continue;
    if (t.keys === null) return undefined;
    for (const k of t.keys) out.add(k);
  }
  return out;
}

/** Whether a change may have written these keys of `table`: one of them among its keys, or a range of it deleted (a restore). */
export function mayHaveWritten(change: StoreChange, table: string, keys: Iterable<string>): boolean {
  if (!touches(change, [table])) return false;
  const written = keysOf(change, table);
  if (!written) return true;
  for (const key of keys) if (written.has(key)) return true;
  return false;
}

export { withOrigin } from './write-origin';

interface Pending {
  db: string;
  tables: Map<string, TableChange & { keys: string[] | null }>;
  rows: Map<string, unknown[]>;
}

function record(pending: Pending, table: string, req: DBCoreMutateRequest, results: readonly unknown[] | undefined): void {
  const kind = req.type === 'put' || req.type === 'add' ? 'put' : 'delete';
  const id = `${table}|${kind}`;
  let entry = pending.tables.get(id);
  if (!entry) pending.tables.set(id, (entry = { table, kind, keys: [] }));
  if (req.type === 'deleteRange') entry.keys = null;
  if (entry.keys === null || req.type === 'deleteRange') return;
  const keys = req.type === 'delete' ? req.keys : (results ?? req.keys ?? []);
  for (const k of keys) entry.keys.push(String(k));
  if ((req.type === 'put' || req.type === 'add') && CARRIED.has(table)) {
    const rows = pending.rows.get(table) ?? pending.rows.set(table, []).get(table)!;
    for (const row of req.values) rows.push(row);
  }
}

/** The middleware that collects each read-write transaction's writes and emits them on 'complete'. */
export function changesMiddleware(dbName: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'regulars-changes',
    create(down) {
      const pendingOf = new WeakMap<object, Pending>();
      const pending = (trans: object): Pending => {
        let p = pendingOf.get(trans);
        if (!p) {
          const made: Pending = { db: dbName, tables: new Map(), rows: new Map() };
          pendingOf.set(trans, made);
          p = made;
          (trans as IDBTransaction).addEventListener('complete', () => {
            const written = { origin: originOf(trans), marks: marksWrittenBy(trans), unsent: unsentWrittenBy(trans) };
            const change = { db: made.db, tables: [...made.tables.values()], ...written };
            openChannel()?.postMessage(change);
            postTables(change.db, change.tables);
            deliver({ ...change, from: 'here', rows: made.rows.size ? made.rows : undefined });
          });
        }
        return p;
      };
      return {
        table(name) {
          const table = down.table(name);
          if (UNWATCHED.has(name)) return table;
          const watched: DBCoreTable = {
            ...table,
            async mutate(req) {
              const result = await table.mutate(req);
              record(pending(req.trans), name, req, result.results);
              return result;
            },
          };
          return watched;
        },
      };
    },
  };
}
