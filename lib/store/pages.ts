// A table read a page at a time by primary key, each page starting after the last key of the one
// before: no table is ever held whole, and a page may be rewritten before the next is read.
import type { IndexableType, Table } from 'dexie';

/** The first `size` rows after the key `after` (from the first row when undefined), in key order. */
export function pageAfter<T, K extends IndexableType, I = T>(table: Table<T, K, I>, after: K | undefined, size: number): Promise<T[]> {
  return (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(size).toArray();
}

/** Every row of the table, handed to `use` a page at a time (inside the caller's transaction, if any). */
export async function forEachPage<T, K extends IndexableType, I = T>(
  table: Table<T, K, I>,
  size: number,
  use: (page: T[]) => Promise<void> | void,
): Promise<void> {
  const keyPath = table.schema.primKey.keyPath as string;
  let after: K | undefined;
  for (;;) {
    const page = await pageAfter(table, after, size);
    if (page.length) await use(page);
    if (page.length < size) return;
    after = (page[page.length - 1] as Record<string, unknown>)[keyPath] as K;
  }
}
