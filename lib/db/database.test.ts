import { describe, expect, it } from 'vitest';
import { readInPages } from './database';
import { importOrders } from './store';
import { memoryDb, NOW, order } from './test-helpers';

describe('reading a whole table in pages', () => {
  it('gives every row once, in key order, whether the last page is full, short or empty', async () => {
    const db = memoryDb();
    await importOrders(db, Array.from({ length: 7 }, (_, i) => order({ buyer: { handle: `buyer_${i}` } })), NOW);
    const all = await db.members.toArray();
    expect(all).toHaveLength(7);
    for (const page of [1, 2, 3, 7, 8, 100]) expect(await readInPages(db.members, page)).toEqual(all);
    expect(await readInPages(db.identities, 3)).toEqual(await db.identities.toArray());
    db.close();
  });

  it('an empty table is an empty list', async () => {
    const db = memoryDb();
    expect(await readInPages(db.members, 2)).toEqual([]);
    db.close();
  });
});
