import Dexie, { type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { forEachPage } from './pages';

function tableOf(ids: readonly string[]): Promise<Table<{ id: string; n: number }, string>> {
  const db = new Dexie('pages', { indexedDB: new IDBFactory(), IDBKeyRange });
  db.version(1).stores({ rows: 'id' });
  const table = db.table<{ id: string; n: number }, string>('rows');
  return table.bulkPut(ids.map((id, n) => ({ id, n }))).then(() => table);
}

describe('reading a table a page at a time', () => {
  it.each([
    ['more rows than a page, not a multiple', ['e', 'a', 'c', 'b', 'd'], 2, [['a', 'b'], ['c', 'd'], ['e']]],
    ['an exact multiple of the page', ['b', 'a', 'd', 'c'], 2, [['a', 'b'], ['c', 'd']]],
    ['fewer rows than a page', ['x'], 5, [['x']]],
    ['an empty table', [], 3, []],
  ])('%s: every row once, in key order', async (_name, ids, size, pages) => {
    const table = await tableOf(ids);
    const seen: string[][] = [];
    await forEachPage(table, size, (page) => void seen.push(page.map((r) => r.id)));
    expect(seen).toEqual(pages);
  });

  it('a page rewritten before the next is read is not read again', async () => {
    const table = await tableOf(['a', 'b', 'c', 'd', 'e']);
    let reads = 0;
    await table.db.transaction('rw', table, () =>
      forEachPage(table, 2, async (page) => {
        reads += page.length;
        await table.bulkPut(page.map((r) => ({ ...r, n: r.n + 100 })));
      }),
    );
    expect(reads).toBe(5);
    expect((await table.toArray()).every((r) => r.n >= 100)).toBe(true);
  });
});
