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
