import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { outboxKey, SyncStateDb, waitingOf } from './state';

const stateWith = async (waiting: number) => {
  const state = new SyncStateDb(`waiting-${waiting}-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await state.outbox.bulkPut(Array.from({ length: waiting }, (_, i) => ({ key: outboxKey('members', `m_${i}`), table: 'members', rowKey: `m_${i}`, mark: i })));
  return state;
};

describe('the outbox entries of an incoming batch', () => {
  // Read whole when the outbox is smaller than the batch, looked up key by key otherwise: the same answer.
  it.each([
    ['nothing waits', 0, [undefined, undefined, undefined, undefined]],
    ['fewer wait than the batch brings', 2, ['m_1', undefined, undefined, undefined]],
    ['more wait than the batch brings', 50, ['m_1', 'm_3', 'm_7', undefined]],
  ])('are the rows waiting under those keys when %s', async (_, waiting, expected) => {
    const state = await stateWith(waiting);
    const found = await waitingOf(state, ['m_1', 'm_3', 'm_7', 'm_99'].map((m) => outboxKey('members', m)));
    expect(found.map((r) => r?.rowKey)).toEqual(expected);
  });
});
