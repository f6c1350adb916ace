import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../../store/test-helpers';
import { catchUpSession } from '../../domain/origins';
import { joinKeeper, readJoin, seenOf } from './join';
import { SyncStateDb } from './state';

/** A worker's join keeper on `state` (a new store unless given), with the progress it last showed. */
const keeperOf = (on?: { db: ReturnType<typeof memoryDb>; state: SyncStateDb }) => {
  const factory = new IDBFactory();
  const db = on?.db ?? memoryDb(undefined, factory, `join-${Math.random()}`);
  const state = on?.state ?? new SyncStateDb(`join-state-${Math.random()}`, { indexedDB: factory, IDBKeyRange });
  const shown: { done: number; total: number; startedAt: number }[] = [];
  return { db, state, shown, keeper: joinKeeper(state, (p) => shown.push(p)) };
};
const ids = (n: number) => Array.from({ length: n }, (_, i) => `m_${i}`);

describe('what a join has written, as a restarted worker finds it', () => {
  it('a few hundred members come back one by one, with the tables', async () => {
    const { db, state, keeper } = keeperOf();
    await keeper.begin(500, 1, 'sync-1');
    await keeper.applied(50, { tables: new Set(['members', 'orders']), members: new Set(ids(300)) }, 2);
    const seen = await seenOf(db, (await readJoin(state))!);
    expect({ tables: [...seen.tables], members: seen.members.size }).toEqual({ tables: ['members', 'orders'], members: 300 });
  });

  it('past a thousand members, every member here comes back (the reminders sweep the whole shop then)', async () => {
    const { db, state, keeper } = keeperOf();
    await db.members.bulkPut(ids(1500).map((id) => ({ id, displayName: id, tags: [], profile: {}, doNotContact: false, createdAt: 1, updatedAt: 1 }) as never));
    await keeper.begin(5000, 1, 'sync-1');
    await keeper.applied(1200, { tables: new Set(['members']), members: new Set(ids(1200)) }, 2);
    expect((await readJoin(state))?.seen?.members).toBe('all');
    expect((await seenOf(db, (await readJoin(state))!)).members.size).toBe(1500);
  });
});

const MIN = 60_000;

describe('a join taken up again by the next worker', () => {
  // Read from 10 to 20 min, the browser closed until 40 min: the 20 min no worker read are no reading
  // time, so "time left" (components/sync-status-line.ts) reckons from 10 min of reading, not 30.
  it.each([
    { case: 'after the browser was closed for 20 min', now: 40 * MIN, startedAt: 30 * MIN },
    { case: "with the computer's clock set back meanwhile", now: 15 * MIN, startedAt: 10 * MIN },
  ])('$case, goes on as the same join: its count and session as kept, its start moved by the time none read', async ({ now, startedAt }) => {
    const first = keeperOf();
    await first.keeper.begin(500, 10 * MIN, 'sync-1');
    await first.keeper.applied(200, undefined, 20 * MIN);
    const next = keeperOf(first);
    const resumed = await next.keeper.resume(now);
    expect(resumed).toMatchObject({ total: 500, done: 200, startedAt, session: 'sync-1' });
    expect(next.shown).toEqual([{ total: 500, done: 200, startedAt }]);
    // Taken up again a moment later (the worker stopped once more), it moves by that moment only.
    await keeperOf(first).keeper.resume(now + 1000);
    expect((await readJoin(first.state))?.startedAt).toBe(startedAt + 1000);
  });

  // Refused at 15 min (5 min of reading), signed in again at 75 min: the hour it waited for the
  // agent is no reading time, so "time left" (components/sync-status-line.ts) reckons from 5 min, not 65.
  it.each([
    { case: 'signed in again an hour after the refusal', refusedAt: 15 * MIN, now: 75 * MIN, startedAt: 70 * MIN },
    { case: "with the computer's clock set back meanwhile", refusedAt: 15 * MIN, now: 12 * MIN, startedAt: 10 * MIN },
  ])('after a refusal, $case: its start moves by the pause, its count is kept, and it is a new session', async ({ refusedAt, now, startedAt }) => {
    const first = keeperOf();
    await first.keeper.begin(500, 10 * MIN, 'sync-1');
    await first.keeper.applied(200, { tables: new Set(['members']), members: new Set(ids(3)) }, 12 * MIN);
    await first.keeper.refuse(refusedAt);
    const next = keeperOf(first);
    await next.keeper.resume(now);
    const kept = await readJoin(next.state);
    expect(kept).toEqual({ total: 500, done: 200, startedAt, lastAt: now, session: catchUpSession(now) });
    expect(next.shown).toEqual([{ total: 500, done: 200, startedAt }]);
    // It goes on counting from there, and its end leaves nothing kept.
    await next.keeper.applied(100, undefined, now + MIN);
    expect((await readJoin(next.state))?.done).toBe(300);
    await next.keeper.end();
    expect(await readJoin(next.state)).toBeUndefined();
  });
});

describe('whether every shadow kept came from the join’s feed', () => {
  it('is kept with the join through its batches and a restart, cleared as its catch-up ends, and not carried into a join taken up after a refusal', async () => {
    const { db, state, keeper } = keeperOf();
    await keeper.begin(500, 1, 'sync-1');
    expect(keeper.feedOnly()).toBe(false);
    await keeper.setFeedOnly(true);
    await keeper.applied(50, { tables: new Set(['orders']), members: new Set(ids(3)) }, 2);
    expect((await readJoin(state))?.feedOnly).toBe(true);
    // The next worker takes it up as it was.
    const next = keeperOf({ db, state }).keeper;
    await next.resume(3);
    expect(next.feedOnly()).toBe(true);
    await next.setFeedOnly(false);
    expect(next.feedOnly()).toBe(false);
    expect(await readJoin(state)).not.toHaveProperty('feedOnly');
    // Refused, then taken up after signing in again as a new join: it packs only if it finds no shadow.
    await next.setFeedOnly(true);
    await next.refuse(4);
    const after = keeperOf({ db, state }).keeper;
    await after.resume(5);
    expect(after.feedOnly()).toBe(false);
  });
});
