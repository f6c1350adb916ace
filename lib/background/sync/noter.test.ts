import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { SHARED_TABLES } from '../../domain/sync/documents';
import { memoryDb } from '../../store/test-helpers';
import { startNotingUnsent, unsentWrites } from '../../store/unsent';
import { addNote } from '../members/card';
import { importOrders } from '../import/import-orders';
import { NOW, order } from '../test-helpers';
import { storeCommitted } from './committed-changes';
import { outboxNoter } from './noter';
import { SyncStateDb } from './state';

const stores = (name: string, wanted: boolean) => {
  const factory = new IDBFactory();
  const db = memoryDb(undefined, factory, name);
  const state = new SyncStateDb(`sync-${name}`, { indexedDB: factory, IDBKeyRange });
  return { db, state, noter: outboxNoter(db, state, storeCommitted(db.name, Object.keys(SHARED_TABLES)), () => wanted) };
};

it.each([
  ['on a team, a write noted as it commits leaves its row in the outbox and no note of it in the store', true, 1],
  ['on no team, a write is not noted, and no note of it stays in the store', false, 0],
])('%s', async (_, wanted, rows) => {
  const { db, state, noter } = stores(`noter-${wanted}`, wanted);
  noter.listen();
  try {
    await importOrders(db, [order({ buyer: { handle: 'kim' } })], NOW);
    await addNote(db, (await db.members.toArray())[0]!.id, 'hello', 'alice', NOW);
    await noter.idle();
  } finally {
    noter.unlisten();
  }
  expect(await state.outbox.where('table').equals('notes').count()).toBe(rows);
  expect((await unsentWrites(db.caches)).notes).toEqual([]);
});

it('a write nobody heard is noted when the noter starts listening, and its note cleared', async () => {
  const { db, state, noter } = stores('noter-later', true);
  await startNotingUnsent(db.caches);
  await importOrders(db, [order({ buyer: { handle: 'kim' } })], NOW);
  const note = await addNote(db, (await db.members.toArray())[0]!.id, 'written while no worker listened', 'alice', NOW);
  noter.listen();
  try {
    await new Promise((r) => setTimeout(r, 0));
    await noter.idle();
  } finally {
    noter.unlisten();
  }
  expect((await state.outbox.toArray()).map((r) => [r.table, r.rowKey])).toContainEqual(['notes', note.id]);
  expect((await unsentWrites(db.caches)).notes).toEqual([]);
});
