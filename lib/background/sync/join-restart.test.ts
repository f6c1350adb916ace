// The browser ends an idle service worker, also in the middle of a join. The next worker knows the
// store holds part of the team's shop before its sync runs again (sync's meta keeps the join): the
// reminders' hourly check it runs as it starts waits, as it did before the restart, until the whole
// shop is here, and the join goes on as one.
import { expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { createScheduler } from '../reminders/scheduler';
import { syncService } from './service';
import { followingTheTeam, followUpShop, HOUR, midJoinAt, quiet } from './join-test-helpers';
import { SYNC_TEST_TUNING } from './test-helpers';
import { readJoin } from './join';
import { packable } from './shadows';

const machines = teamOnTestServer();

/**
 * Bob joins the follow-up shop; his first worker reads two pages of it, then the line drops and the
 * browser ends the worker (it tells nothing). His stores hold part of the shop, the join under way.
 */
async function bobHalfJoined() {
  const { team } = await followUpShop(machines);
  const { db, state } = machines.stores('bob');
  const login = machines.login(team, 'bob');
  let read = 0;
  const dropsAfterTwo: typeof fetch = async (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/_changes') && ++read > 2) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  const first = syncService({ db, state, now: () => Date.now(), cookies: 'memory', fetch: dropsAfterTwo, tuning: SYNC_TEST_TUNING });
  await first.connect(login);
  await expect.poll(() => first.view().state, { timeout: 10_000 }).toBe('offline');
  await first.engine()!.stop();
  return { db, state, login };
}

it("a worker restarted mid-join holds the reminders' hourly check from its start to the join's end, then makes them from the whole shop", async () => {
  const { db, state, login } = await bobHalfJoined();
  const arrived = await db.orders.count();

  // The next worker, an hour and more later: its reminders check what fell due as it starts, before sync resumes.
  let offset = 2 * HOUR;
  const clock = () => Date.now() + offset;
  const follow = followingTheTeam(clock);
  const seen: { atStart?: number; midJoin?: number } = {};
  const hook = midJoinAt(2, async () => {
    offset += 2 * HOUR;
    await scheduler.reconcile();
    seen.midJoin = await db.reminders.count();
  });
  const second = syncService({ db, state, now: clock, cookies: 'memory', fetch: hook.fetch, tuning: SYNC_TEST_TUNING, onApplied: follow.onApplied });
  const scheduler = createScheduler({ db, now: clock, browser: quiet, me: async () => 'bob', sweepHeld: () => second.catchingUp() });
  Object.assign(follow.to, { db, scheduler });
  try {
    await scheduler.reconcile();
    seen.atStart = await db.reminders.count();
    // In the browser the session cookie outlives the worker and resume() starts the engine; this
    // client keeps its cookie in memory, so bob signs in again: the same engine on the same stores.
    await second.connect(login);
    await second.engine()!.settled(30_000);
    await follow.followed();
  } finally {
    await second.engine()?.close();
  }

  expect(arrived).toBeGreaterThan(0);
  expect(arrived).toBeLessThan(120);
  expect(hook.pages()).toBeGreaterThan(2);
  expect(seen).toEqual({ atStart: 0, midJoin: 0 });
  expect(await db.orders.count()).toBe(120);
  expect((await db.reminders.toArray()).filter((r) => r.kind === 'followUp').length).toBeGreaterThan(0);
}, 60_000);

it("the join's end tells the reminders every buyer that arrived during the join, those before the restart too", async () => {
  const { db, state, login } = await bobHalfJoined();
  const before = (await db.members.toCollection().primaryKeys()) as string[];

  const told = new Set<string>();
  const second = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING, onApplied: (_t, members) => members.forEach((m) => told.add(m)) });
  try {
    await second.connect(login);
    await second.engine()!.settled(30_000);
  } finally {
    await second.engine()?.close();
  }
  expect(before.length).toBeGreaterThan(0);
  expect(await db.orders.count()).toBe(120);
  expect([...told].sort()).toEqual(((await db.members.toCollection().primaryKeys()) as string[]).sort());
}, 60_000);

it('a join taken up again after a restart keeps its shadows in packs to the end, and ends with the whole shop', async () => {
  const { db, state, login } = await bobHalfJoined();
  expect((await readJoin(state))?.feedOnly).toBe(true);
  const second = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING });
  try {
    await second.connect(login);
    await second.engine()!.settled(30_000);
  } finally {
    await second.engine()?.close();
  }
  expect(await db.orders.count()).toBe(120);
  expect(await readJoin(state)).toBeUndefined();
  // Only members' and tags' shadows are records of their own; every order's is in a pack.
  const own = (await state.shadow.toCollection().primaryKeys()) as string[];
  expect(own.filter(packable)).toEqual([]);
  const packed = (await state.packs.toArray()).flatMap((p) => p.ids);
  expect(packed.filter((id) => id.startsWith('order:'))).toHaveLength(120);
}, 60_000);
