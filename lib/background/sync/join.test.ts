import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../../store/test-helpers';
import { joinKeeper, readJoin, seenOf } from './join';
import { SyncStateDb } from './state';

const keeperOf = () => {
  const factory = new IDBFactory();
  const db = memoryDb(undefined, factory, `join-${Math.random()}`);
  const state = new SyncStateDb(`join-state-${Math.random()}`, { indexedDB: factory, IDBKeyRange });
  return { db, state, keeper: joinKeeper(state, () => undefined) };
};
const ids = (n: number) => Array.from({ length: n }, (_, i) => `m_${i}`);

describe('what a join has written, as a restarted worker finds it', () => {
  it('a few hundred members come back one by one, with the tables', async () => {
    const { db, state, keeper } = keeperOf();
    await keeper.begin(500, 1, 'sync-1');
    await keeper.applied(50, { tables: new Set(['members', 'orders']), members: new Set(ids(300)) });
    const seen = await seenOf(db, (await readJoin(state))!);
    expect({ tables: [...seen.tables], members: seen.members.size }).toEqual({ tables: ['members', 'orders'], members: 300 });
  });

  it('past a thousand members, every member here comes back (the reminders sweep the whole shop then)', async () => {
    const { db, state, keeper } = keeperOf();
    await db.members.bulkPut(ids(1500).map((id) => ({ id, displayName: id, tags: [], profile: {}, doNotContact: false, createdAt: 1, updatedAt: 1 }) as never));
    await keeper.begin(5000, 1, 'sync-1');
    await keeper.applied(1200, { tables: new Set(['members']), members: new Set(ids(1200)) });
    expect((await readJoin(state))?.seen?.members).toBe('all');
    expect((await seenOf(db, (await readJoin(state))!)).members.size).toBe(1500);
  });
});
