import { describe, expect, it, vi } from 'vitest';
import { onCommitted } from '../../store/changes';
import { writeSettings } from '../../store/settings';
import { importCapability } from './handlers';
import { memoryDb, NOW, order } from '../test-helpers';

const page = {};
const file = () => [
  order({ orderNo: 'r1', buyer: { handle: 'ana', email: 'ana@example.com' }, items: [{ title: 'Oolong tea', quantity: 1, priceMinor: 1000 }] }),
  order({ orderNo: 'r2', buyer: { handle: 'bo' }, status: 'shipped' }),
  order({ orderNo: 'r3', buyer: { handle: 'ana' }, amountMinor: 2500 }),
];

async function importFile(imports: ReturnType<typeof importCapability>, session: string) {
  const result = await imports.handlers['orders.import']({ rows: file(), session }, page);
  await imports.handlers['orders.importEnd']({ session }, page);
  return result.orders;
}

describe('importing the same file again', () => {
  it('finds every order unchanged without reading or writing one', async () => {
    const db = memoryDb(undefined, undefined, 'reimport-quiet');
    const imports = importCapability(db, () => NOW);
    expect(await importFile(imports, 'session-r1')).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const reads = vi.spyOn(db.orders, 'bulkGet');
    let writes = 0;
    const stop = onCommitted((change) => change.db === db.name && writes++);
    expect(await importFile(imports, 'session-r2')).toEqual({ added: 0, updated: 0, unchanged: 3 });
    stop();
    expect(reads).not.toHaveBeenCalled();
    expect(writes).toBe(0);
  });

  it('puts back what the file says of an order someone changed since, and re-categorises items under new rules', async () => {
    const db = memoryDb(undefined, undefined, 'reimport-changed');
    const imports = importCapability(db, () => NOW);
    await importFile(imports, 'session-c1');
    await db.orders.update('demo:r3', { amountMinor: 1 });
    expect(await importFile(imports, 'session-c2')).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect(await db.orders.get('demo:r3')).toMatchObject({ amountMinor: 2500 });

    await writeSettings(db, { categoryRules: [{ category: 'Tea', skuPrefixes: [], titleWords: ['tea'] }] });
    expect(await importFile(imports, 'session-c3')).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect((await db.orders.get('demo:r1'))!.items[0]).toMatchObject({ category: 'Tea' });
  });
});

describe('batches of one file sent while the one before is stored', () => {
  it('are stored in the order they came: the buyer the first batch made is the member the second batch finds', async () => {
    const db = memoryDb(undefined, undefined, 'import-overlap');
    const imports = importCapability(db, () => NOW);
    const session = 'session-o1';
    const [first, second] = await Promise.all([
      imports.handlers['orders.import']({ rows: [order({ orderNo: 'o1', buyer: { handle: 'cy', phone: '+6580000001' } })], session }, page),
      imports.handlers['orders.import']({ rows: [order({ orderNo: 'o2', buyer: { handle: 'cy-shop', phone: '+6580000001' } })], session }, page),
    ]);
    const ended = await imports.handlers['orders.importEnd']({ session }, page);
    expect(first.orders.added + second.orders.added).toBe(2);
    expect(second.merges).toHaveLength(1);
    expect(ended.members.created).toBe(1);
    expect(await db.members.count()).toBe(1);
    expect((await db.members.toArray())[0]).toMatchObject({ orderCount: 2 });
  });

  it('a cancel waits for the batch being stored and takes it back too', async () => {
    const db = memoryDb(undefined, undefined, 'import-overlap-cancel');
    const imports = importCapability(db, () => NOW);
    const session = 'session-o2';
    const stored = imports.handlers['orders.import']({ rows: file(), session }, page);
    await imports.handlers['orders.importCancel']({ session }, page);
    await stored;
    expect(await db.orders.count()).toBe(0);
    expect(await db.members.count()).toBe(0);
  });
});
