import { afterEach, describe, expect, it, vi } from 'vitest';
import { addTag } from './members/card';
import { importOrders } from './import/import-orders';
import { memoryDb } from '../store/test-helpers';
import { NOW, order } from './test-helpers';
import type { RowsChanged } from '../messaging/rows-changed';
import { nudgePagesOnChange } from './rows-changed';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('pages are nudged when rows change', () => {
  it('several writes in a moment make one nudge naming their tables', async () => {
    const db = memoryDb();
    const nudges: RowsChanged[] = [];
    stops.push(nudgePagesOnChange(db.name, async (n) => void nudges.push(n), 50));
    await importOrders(db, [order({ buyer: { handle: 'mei' } })], NOW);
    const mei = (await db.members.toArray())[0]!;
    await addTag(db, mei.id, 'gift', NOW);
    await vi.waitFor(() => expect(nudges).toHaveLength(1));
    expect(nudges[0]!.tables).toEqual(expect.arrayContaining(['members', 'orders', 'identities']));
  });

  it('another database is not ours', async () => {
    const db = memoryDb();
    const other = memoryDb(undefined, undefined, 'regulars-elsewhere');
    const nudges: RowsChanged[] = [];
    stops.push(nudgePagesOnChange(db.name, async (n) => void nudges.push(n), 10));
    await importOrders(other, [order({ buyer: { handle: 'lin' } })], NOW);
    await new Promise((r) => setTimeout(r, 50));
    expect(nudges).toEqual([]);
  });
});
