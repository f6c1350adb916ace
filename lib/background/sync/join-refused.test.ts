// A join the server refuses partway (this user taken off the team, the team's database deleted, the
// session ended while the worker slept) will not end by itself: the reminders' sweep it held runs on
// what arrived, the reminders are told of the buyers it brought, and the status line says why.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { createScheduler } from '../reminders/scheduler';
import { CouchClient } from './couch';
import { syncService } from './service';
import { followUpShop, midJoinAt, quiet } from './join-test-helpers';

const machines = teamOnTestServer();
const TUNING = { batch: 50, longpollMs: 300 };

const asAdmin = (team: string) => new CouchClient({ server: machines.server().url, db: team, cookies: 'memory', basic: machines.server().admin });
const deleteDb = async (team: string) => {
  const { name, password } = machines.server().admin;
  await fetch(`${machines.server().url}/${team}`, { method: 'DELETE', headers: { authorization: `Basic ${btoa(`${name}:${password}`)}` } });
};

/** Bob's computer joining alice's shop, with the reminders as the background wires them. */
async function joining(team: string, fetch?: typeof globalThis.fetch) {
  const { db, state } = machines.stores('bob');
  const told = new Set<string>();
  const now = () => Date.now();
  const service = syncService({ db, state, now, cookies: 'memory', tuning: TUNING, ...(fetch ? { fetch } : {}), onApplied: (_t, members) => members.forEach((m) => told.add(m)) });
  const scheduler = createScheduler({ db, now, browser: quiet, me: async () => 'bob', sweepHeld: () => service.catchingUp() });
  const login = { server: machines.server().url, db: team, user: 'bob', password: 'bob-pw' };
  const followUps = async () => (await db.reminders.toArray()).filter((r) => r.kind === 'followUp').length;
  return { db, state, service, scheduler, told, login, followUps };
}

describe('a join refused partway', () => {
  it.each([
    ['bob is taken off the team', 'notMember', (team: string) => asAdmin(team).putSecurity({ admins: { names: [], roles: [] }, members: { names: ['alice'], roles: [] } })],
    ["the team's database is deleted", 'noDatabase', deleteDb],
  ] as const)('(%s) says why, tells the reminders the buyers it brought, and no longer holds their sweep', async (_, why, refuse) => {
    const { team } = await followUpShop(machines);
    const hook = midJoinAt(2, () => refuse(team));
    const bob = await joining(team, hook.fetch);
    try {
      await bob.service.connect(bob.login);
      await expect.poll(() => bob.service.view().state, { timeout: 10_000 }).toBe(why);
    } finally {
      await bob.service.engine()?.close();
    }
    const arrived = (await bob.db.members.toCollection().primaryKeys()) as string[];
    expect(arrived.length).toBeGreaterThan(0);
    expect(await bob.db.orders.count()).toBeLessThan(120);
    expect(bob.service.view().progress).toBeUndefined();
    expect([...bob.told].sort()).toEqual(arrived.sort());
    expect(await bob.service.catchingUp()).toBe(false);
    await bob.scheduler.reconcile();
    expect(await bob.followUps()).toBeGreaterThan(0);
  }, 60_000);

  it('(the session ended while the worker slept) asks to sign in again, tells the buyers the first worker brought, and no longer holds the sweep', async () => {
    const { team } = await followUpShop(machines);
    let read = 0;
    const dropsAfterTwo: typeof fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/_changes') && ++read > 2) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const first = await joining(team, dropsAfterTwo);
    await first.service.connect(first.login);
    await expect.poll(() => first.service.view().state, { timeout: 10_000 }).toBe('offline');
    await first.service.engine()!.stop();

    // The next worker on the same stores, its session gone (this client's cookie was in memory).
    const told = new Set<string>();
    const next = syncService({ db: first.db, state: first.state, now: () => Date.now(), cookies: 'memory', tuning: TUNING, onApplied: (_t, members) => members.forEach((m) => told.add(m)) });
    const scheduler = createScheduler({ db: first.db, now: () => Date.now(), browser: quiet, me: async () => 'bob', sweepHeld: () => next.catchingUp() });
    await next.resume();
    expect(next.view().state).toBe('signIn');
    expect([...told].sort()).toEqual(((await first.db.members.toCollection().primaryKeys()) as string[]).sort());
    expect(await next.catchingUp()).toBe(false);
    await scheduler.reconcile();
    expect(await first.followUps()).toBeGreaterThan(0);
  }, 60_000);
});
