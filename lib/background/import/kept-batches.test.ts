import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { onCommitted, withOrigin } from '../../store/changes';
import { writeSettings } from '../../store/settings';
import { importCapability } from './handlers';
import { parsesOf, twoBatches } from './batch-test-helpers';
import { dropWarm } from './import-cache';
import { KEPT_BATCHES_KEY } from './kept-batches';
import { memoryDb, NOW, order } from '../test-helpers';

const { firstBatch, secondBatch, importFile } = twoBatches('d');

afterEach(() => dropWarm());

/** The store as a background that started again finds it: a new connection, no warm cache, the import capability anew. */
function restarted(factory: IDBFactory, name: string) {
  dropWarm();
  const db = memoryDb(undefined, factory, name);
  return { db, imports: importCapability(db, () => NOW) };
}

describe('the same file imported again after the background restarted', () => {
  it('is found unchanged without a batch parsed or anything written', async () => {
    const factory = new IDBFactory();
    const first = restarted(factory, 'kept-quiet');
    expect(await importFile(first.imports, 'session-q1')).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const { db, imports } = restarted(factory, 'kept-quiet');
    let writes = 0;
    const stop = onCommitted((change) => change.db === db.name && change.tables.some((t) => t.table !== 'caches') && writes++);
    let again;
    expect(await parsesOf([firstBatch(), secondBatch()], async () => (again = await importFile(imports, 'session-q2')))).toBe(0);
    stop();
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(writes).toBe(0);
    // And again after another restart: what the quiet re-import kept still holds.
    const third = restarted(factory, 'kept-quiet');
    expect(await parsesOf([firstBatch(), secondBatch()], () => importFile(third.imports, 'session-q3'))).toBe(0);
  });

  it('puts back what the file says of an order team sync changed meanwhile', async () => {
    const factory = new IDBFactory();
    await importFile(restarted(factory, 'kept-synced').imports, 'session-s1');
    const { db, imports } = restarted(factory, 'kept-synced');
    await db.transaction('rw', [db.orders], async () => {
      withOrigin('sync');
      await db.orders.update('demo:d3', { amountMinor: 1 });
    });
    expect(await importFile(imports, 'session-s2')).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect(await db.orders.get('demo:d3')).toMatchObject({ amountMinor: 2500 });
  });

  it('re-categorises its items under category rules set since', async () => {
    const factory = new IDBFactory();
    // The batch with the tea comes last: the first batch, read under the new rules, changes nothing.
    const file = [secondBatch(), firstBatch()];
    await importFile(restarted(factory, 'kept-rules').imports, 'session-r1', file);
    const { db, imports } = restarted(factory, 'kept-rules');
    await writeSettings(db, { categoryRules: [{ category: 'Tea', skuPrefixes: [], titleWords: ['tea'] }] });
    expect(await importFile(imports, 'session-r2', file)).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect((await db.orders.get('demo:d1'))!.items[0]).toMatchObject({ category: 'Tea' });
  });

  it('gives back an identity removed meanwhile (a separation) to the buyer whose handle it was', async () => {
    const factory = new IDBFactory();
    await importFile(restarted(factory, 'kept-identities').imports, 'session-i1');
    const { db, imports } = restarted(factory, 'kept-identities');
    await db.identities.delete('demo:handle:bo');
    expect(await parsesOf([firstBatch(), secondBatch()], () => importFile(imports, 'session-i2'))).toBeGreaterThan(0);
    expect(await db.identities.get('demo:handle:bo')).toBeDefined();
  });

  it('reads every batch after the first one that changed an order: a later batch may hold that order', async () => {
    const factory = new IDBFactory();
    const changed = JSON.stringify([order({ orderNo: 'd3', buyer: { handle: 'ana' }, amountMinor: 7700 })]);
    await importFile(restarted(factory, 'kept-later').imports, 'session-l1', [firstBatch(), secondBatch()]);
    const { db, imports } = restarted(factory, 'kept-later');
    // The same batches, with one before them that changes an order of the last.
    expect(await importFile(imports, 'session-l2', [changed, firstBatch(), secondBatch()])).toEqual({ added: 0, updated: 2, unchanged: 2 });
    expect(await db.orders.get('demo:d3')).toMatchObject({ amountMinor: 2500 });
  });

  it('when its cache was too big to keep warm: the batches were kept as its end began, before its members were written', async () => {
    const factory = new IDBFactory();
    dropWarm();
    const db = memoryDb(undefined, factory, 'kept-early');
    // Every cache is too big to keep warm: its tables go when the end begins.
    const imports = importCapability(db, () => NOW, {}, { warmBudgetBytes: 0 });
    const writes: string[] = [];
    const keep = db.caches.put.bind(db.caches);
    vi.spyOn(db.caches, 'put').mockImplementation((record, key) => {
      if (record.key === KEPT_BATCHES_KEY) writes.push('kept');
      return keep(record, key);
    });
    const put = db.members.bulkPut.bind(db.members);
    vi.spyOn(db.members, 'bulkPut').mockImplementation(((rows: Parameters<typeof put>[0]) => (writes.push('members'), put(rows))) as typeof put);
    expect(await importFile(imports, 'session-e1')).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(writes[0]).toBe('kept');
    expect(writes).toContain('members');
    expect(await db.members.count()).toBe(2);
    // What it kept holds: after a restart the same file is found unchanged, no batch parsed.
    const again = restarted(factory, 'kept-early');
    let result;
    expect(await parsesOf([firstBatch(), secondBatch()], async () => (result = await importFile(again.imports, 'session-e2')))).toBe(0);
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 3 });
  });
});
