import { describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import { importCapability } from './handlers';
import { importOrders } from './import-orders';
import { memoryDb, NOW, order } from '../test-helpers';

const optionsPage = {};
const undoRecords = (db: RegularsDb) => db.caches.where('key').startsWith('import-undo:').count();

async function snapshot(db: RegularsDb) {
  return {
    members: await db.members.toArray(),
    orders: await db.orders.toArray(),
    identities: await db.identities.toArray(),
    tierChanges: await db.tierChanges.toArray(),
  };
}

/** A store with one tagged member and her paid order, as a shop has before an import. */
async function shopBefore(name: string) {
  const db = memoryDb(undefined, undefined, name);
  await importOrders(db, [order({ orderNo: 'old', buyer: { handle: 'lily_chen', phone: '+6591234567' }, status: 'paid' })], NOW);
  await db.members.toCollection().modify({ tags: ['gift'] });
  return db;
}

/** Twenty batches: the old order moves forward twice, new buyers come and come back, one joins Lily by phone. */
const manyBatches = () =>
  Array.from({ length: 20 }, (_, b) => [
    ...(b === 3 ? [order({ orderNo: 'old', buyer: { handle: 'lily_chen' }, status: 'shipped' })] : []),
    ...(b === 11 ? [order({ orderNo: 'old', buyer: { handle: 'lily_chen' }, status: 'delivered' })] : []),
    ...(b === 7 ? [order({ orderNo: 'by-phone', buyer: { handle: 'lilychen.shop', phone: '+65 9123 4567' } })] : []),
    ...Array.from({ length: 25 }, (_, i) => order({ orderNo: `b${b}-${i}`, buyer: { handle: `buyer${(b * 7 + i) % 60}` }, amountMinor: 40_000 })),
  ]);

describe('cancelling an import session: what to put back is on disk, not in the worker', () => {
  it('a cancel after many batches leaves the store exactly as it was, and no undo record behind', async () => {
    const db = await shopBefore('undo-many');
    const before = await snapshot(db);
    const imports = importCapability(db, () => NOW);
    const session = 'session-many';
    for (const rows of manyBatches()) await imports.handlers['orders.import']({ rows, session }, optionsPage);
    expect(await db.orders.count()).toBe(1 + 1 + 20 * 25);
    // Each batch that wrote recorded what it found before, in its own transaction.
    expect(await undoRecords(db)).toBe(20);

    const reverted = await imports.handlers['orders.importCancel']({ session }, optionsPage);
    expect(reverted.orders).toBe(1 + 1 + 20 * 25);
    expect(await snapshot(db)).toEqual(before);
    expect(await undoRecords(db)).toBe(0);
  });

  it('an import that ends can no longer be cancelled, and keeps nothing to undo', async () => {
    const db = await shopBefore('undo-end');
    const imports = importCapability(db, () => NOW);
    for (const rows of manyBatches().slice(0, 3)) await imports.handlers['orders.import']({ rows, session: 'session-end' }, optionsPage);
    await imports.handlers['orders.importEnd']({ session: 'session-end' }, optionsPage);
    expect(await undoRecords(db)).toBe(0);
    expect(await imports.handlers['orders.importCancel']({ session: 'session-end' }, optionsPage)).toEqual({ orders: 0, members: 0, kept: 0 });
    expect(await db.orders.count()).toBe(1 + 3 * 25);
  });

  it('the undo records a dead worker left are dropped when the background starts again; its orders stay', async () => {
    const db = await shopBefore('undo-dead');
    const dead = importCapability(db, () => NOW);
    for (const rows of manyBatches().slice(0, 2)) await dead.handlers['orders.import']({ rows, session: 'session-dead' }, optionsPage);
    expect(await undoRecords(db)).toBe(2);
    const next = importCapability(db, () => NOW);
    await next.recover();
    expect(await undoRecords(db)).toBe(0);
    expect(await db.orders.count()).toBe(1 + 2 * 25);
    await dead.endAll();
  });
});
