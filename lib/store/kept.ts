// Derived data kept on disk while the generation marks it was built from are unchanged.
import type { RegularsDb } from './database';
import { generationKey, type WatchedTable } from './generation';
import { journalKey, writtenSince, type Journal } from './journal';

/** Where the member facts (segments, RFM, the sweep) and each member's platforms are kept. */
export const KEPT_FACTS = { members: 'facts:members', identities: 'facts:platforms' } as const;

const marksOf = async (db: RegularsDb, tables: readonly WatchedTable[]) => {
  const rows = await Promise.all(tables.map((t) => db.caches.get(generationKey(t))));
  return rows.every((r) => r !== undefined) ? rows.map((r) => r!.value as string).join('|') : undefined;
};

/** What is kept under `key` while every generation mark of `tables` is the one it was built from; undefined otherwise. Reads only. */
export async function keptIfCurrent<C>(db: RegularsDb, key: string, tables: readonly WatchedTable[]): Promise<C | undefined> {
  const [current, stored] = await db.transaction('r', [db.caches], () => Promise.all([marksOf(db, tables), db.caches.get(key)]));
  return current !== undefined && stored?.generation === current ? (stored.value as C) : undefined;
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
  const marks = () => marksOf(db, tables);
  const stored = await keptIfCurrent<C>(db, key, tables);
  if (stored !== undefined) {
    try {
      const value = decode(stored);
      served?.('disk');
      return value;
    } catch (e) {
      console.warn(`Regulars: kept ${key} could not be read; reading the rows instead`, e);
    }
  }
  served?.('scan');
  const { generation, value, columns } = await db.transaction('r', [...tables.map((t) => db.table(t)), db.caches], async () => ({ generation: await marks(), ...(await scan()) }));
  if (generation !== undefined) await keepAt(db, key, tables, generation, columns);
  return value;
}

/** Keeps `columns`, built at the marks `generation`, under `key`: only if nothing was written since (a mark would have moved), so stale data is never stored. */
export async function keepAt<C>(db: RegularsDb, key: string, tables: readonly WatchedTable[], generation: string, columns: C): Promise<void> {
  await db
    .transaction('rw', [db.caches], async () => {
      if ((await marksOf(db, tables)) === generation) await db.caches.put({ key, generation, builtAt: Date.now(), value: columns });
    })
    .catch((e) => console.warn(`Regulars: ${key} not kept`, e));
}

/** A value derived from a table, with the table's generation mark it is current at (undefined: the store has no mark yet). */
export interface Current<T> {
  value: T;
  generation: string | undefined;
}

export interface Patchable<T, C, R> {
  /** Every row read again: the value, and the columns to keep on disk. */
  scan: () => Promise<{ value: T; columns: C }>;
  decode: (columns: C) => T;
  /** `value` with these rows written since it was current (undefined: deleted). Never changes `value`. */
  patch: (value: T, rows: ReadonlyMap<string, R | undefined>) => T;
}

/**
 * Data derived from one journaled table (journal.ts), current at its mark now: `base` when it still
 * is; else `base`, or what is kept under `key`, brought up to date by reading only the rows written
 * since (when the journal reaches back to it); else a scan, kept for next time. A patched value is
 * not written back here (keepAt, when the writes pause).
 */
export async function keptUpToDate<T, C, R>(
  db: RegularsDb,
  key: string,
  table: WatchedTable,
  base: Current<T> | undefined,
  how: Patchable<T, C, R>,
  served?: (how: 'memory' | 'disk' | 'patch' | 'scan') => void,
): Promise<Current<T>> {
  const found = await db.transaction('r', [db.table(table), db.caches], async () => {
    const [markRow, journalRow] = await db.caches.bulkGet([generationKey(table), journalKey(table)]);
    const generation = markRow?.value as string | undefined;
    if (generation !== undefined && base?.generation === generation) return { how: 'memory' as const, value: base.value, generation };
    const journal = journalRow?.value as Journal | undefined;
    const patched = async (value: T, since: string | undefined) => {
      const keys = since === undefined ? undefined : writtenSince(journal, since);
      if (!keys) return undefined;
      const ids = [...keys];
      const rows = (await db.table(table).bulkGet(ids)) as (R | undefined)[];
      return how.patch(value, new Map(ids.map((id, i) => [id, rows[i]])));
    };
    if (generation !== undefined && base) {
      const value = await patched(base.value, base.generation);
      if (value !== undefined) return { how: 'patch' as const, value, generation };
    }
    const stored = generation === undefined ? undefined : await db.caches.get(key);
    if (stored?.generation !== undefined) {
      try {
        const value = how.decode(stored.value as C);
        if (stored.generation === generation) return { how: 'disk' as const, value, generation };
        const brought = await patched(value, stored.generation);
        if (brought !== undefined) return { how: 'patch' as const, value: brought, generation };
      } catch (e) {
        console.warn(`Regulars: kept ${key} could not be read; reading the rows instead`, e);
      }
    }
    return { how: 'scan' as const, generation, ...(await how.scan()) };
  });
  served?.(found.how);
  if (found.how === 'scan' && found.generation !== undefined) await keepAt(db, key, [table], found.generation, found.columns);
  return { value: found.value, generation: found.generation };
}
