// Derived data kept on disk while the generation marks it was built from are unchanged.
import type { RegularsDb } from './database';
import { generationKey, type WatchedTable } from './generation';
import { keptValue, writeChunked } from './kept-chunks';

/** Where the member facts (segments, RFM, the sweep) and each member's platforms are kept. */
export const KEPT_FACTS = { members: 'facts:members', identities: 'facts:platforms' } as const;

/** The table's generation mark now (generation.ts); undefined before its first write. */
export const generationOf = async (db: RegularsDb, table: WatchedTable): Promise<string | undefined> =>
  (await db.caches.get(generationKey(table)))?.value as string | undefined;

const marksOf = async (db: RegularsDb, tables: readonly WatchedTable[]) => {
  const marks = await Promise.all(tables.map((t) => generationOf(db, t)));
  return marks.every((m) => m !== undefined) ? marks.join('|') : undefined;
};

/** What is kept under `key` (in parts: kept-chunks.ts) while every generation mark of `tables` is the one it was built from; undefined otherwise. Reads only. */
export async function keptIfCurrent<C>(db: RegularsDb, key: string, tables: readonly WatchedTable[]): Promise<C | undefined> {
  return db.transaction('r', [db.caches], async () => {
    const [current, stored] = await Promise.all([marksOf(db, tables), db.caches.get(key)]);
    return current !== undefined && stored?.generation === current ? keptValue<C>(db, key, stored.value) : undefined;
  });
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
  // Kept only if nothing was written since the scan (a mark would have moved): stale data is never stored.
  if (generation !== undefined) {
    await writeChunked(db, key, generation, columns as object, async () => (await marks()) === generation).catch((e) => console.warn(`Regulars: ${key} not kept`, e));
  }
  return value;
}
