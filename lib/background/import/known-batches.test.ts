import { describe, expect, it } from 'vitest';
import { onCommitted } from '../../store/changes';
import { writeSettings } from '../../store/settings';
import { importCapability } from './handlers';
import { parsesOf, twoBatches } from './batch-test-helpers';
import { memoryDb, NOW, order } from '../test-helpers';

const { firstBatch, secondBatch, importFile } = twoBatches('k');

describe('a batch of the same file sent again', () => {
  it('is found unchanged without being parsed, and nothing is written', async () => {
    const db = memoryDb(undefined, undefined, 'known-batch-quiet');
    const imports = importCapability(db, () => NOW);
    expect(await importFile(imports, 'session-k1')).toEqual({ added: 3, updated: 0, unchanged: 0 });
    let writes = 0;
    const stop = onCommitted((change) => change.db === db.name && writes++);
    let again;
    expect(await parsesOf([firstBatch(), secondBatch()], async () => (again = await importFile(imports, 'session-k2')))).toBe(0);
    stop();
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(writes).toBe(0);
  });

  it('is read again when one of its orders was changed since by someone else, and puts back what the file says', async () => {
    const db = memoryDb(undefined, undefined, 'known-batch-changed');
    const imports = importCapability(db, () => NOW);
    await importFile(imports, 'session-c1');
    await db.orders.update('demo:k2', { status: 'delivered', deliveredAt: NOW });
    await db.orders.update('demo:k3', { amountMinor: 1 });
    // A status only moves forward: the file's "shipped" does not undo "delivered" (that order is unchanged).
    expect(await importFile(imports, 'session-c2')).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect(await db.orders.get('demo:k3')).toMatchObject({ amountMinor: 2500 });
    expect(await db.orders.get('demo:k2')).toMatchObject({ status: 'delivered' });
  });

  it('is read again when a later batch changed one of its orders: the file read again ends as it did the first time', async () => {
    const db = memoryDb(undefined, undefined, 'known-batch-later');
    const imports = importCapability(db, () => NOW);
    const later = JSON.stringify([order({ orderNo: 'k1', buyer: { handle: 'ana' }, amountMinor: 9900 })]);
    await importFile(imports, 'session-l1', [firstBatch(), later]);
    const again = await importFile(imports, 'session-l2', [firstBatch(), later]);
    expect(again.updated).toBeGreaterThan(0);
    expect(await db.orders.get('demo:k1')).toMatchObject({ amountMinor: 9900 });
  });

  it('is read again under new category rules, which categorise its items', async () => {
    const db = memoryDb(undefined, undefined, 'known-batch-rules');
    const imports = importCapability(db, () => NOW);
    await importFile(imports, 'session-r1');
    await writeSettings(db, { categoryRules: [{ category: 'Tea', skuPrefixes: [], titleWords: ['tea'] }] });
    expect(await importFile(imports, 'session-r2')).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect((await db.orders.get('demo:k1'))!.items[0]).toMatchObject({ category: 'Tea' });
  });

  it('is read again once identities changed (a merge, a separation), and the buyer’s handle is known again', async () => {
    const db = memoryDb(undefined, undefined, 'known-batch-identities');
    const imports = importCapability(db, () => NOW);
    await importFile(imports, 'session-i1');
    await db.identities.delete('demo:handle:bo');
    const parses = await parsesOf([firstBatch(), secondBatch()], () => importFile(imports, 'session-i2'));
    expect(parses).toBeGreaterThan(0);
    expect(await db.identities.get('demo:handle:bo')).toBeDefined();
  });
});
