// A join the server refuses partway (this user taken off the team, the team's database deleted, the
// session ended while the worker slept) will not end by itself: the reminders' sweep it held runs on
// what arrived, the reminders are told of the buyers it brought, and the status line says why.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { createScheduler } from '../reminders/scheduler';
import { CouchClient } from './couch';
import { syncService, type SyncService } from './service';
import type { RegularsDb } from '../../store/database';
import { followUpShop, midJoinAt, quiet } from './join-test-helpers';
import { SYNC_TEST_TUNING } from './test-helpers';

const machines = teamOnTestServer();

const asAdmin = (team: string) => new CouchClient({ server: machines.server().url, db: team, cookies: 'memory', basic: machines.server().admin });
/**
 * The team's database deleted: from then on the server answers CouchDB's 404 for it. (pouchdb-server
 * itself makes a database again when it is next used, so the answer is given here.)
 */
const gone = { at: Infinity };
const deleteDb = async () => void (gone.at = 0);
const goneAfter: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (gone.at === 0 && !url.includes('/_session')) return new Response(JSON.stringify({ error: 'not_found', reason: 'Database does not exist.' }), { status: 404, headers: { 'content-type': 'application/json' } });
  return fetch(input, init);
};

/** Reads of _changes wait while `hold` is set (the join's progress line is looked at meanwhile). */
const gate: { hold?: Promise<void> | undefined } = {};
const gated =
  (through: typeof fetch = fetch): typeof fetch =>
    async (input, init) => {
      if (gate.hold && String(input instanceof Request ? input.url : input).includes('/_changes')) await gate.hold;
      return through(input, init);
    };

/** Bob signs in again, the refusal undone: the join goes on as one, "X of Y" on the status line and the sweep held, to the whole shop. */
async function joinsAgain(service: SyncService, login: Parameters<SyncService['connect']>[0], db: RegularsDb) {
  let release!: () => void;
  gate.hold = new Promise<void>((r) => (release = r));
  try {
    await service.connect(login);
    await expect.poll(() => service.view().progress, { timeout: 30_000 }).toBeDefined();
    const { done, total } = service.view().progress!;
    expect([service.view().state, done > 0, done < total]).toEqual(['syncing', true, true]);
    expect(await service.catchingUp()).toBe(true);
  } finally {
    gate.hold = undefined;
    release();
  }
  await expect.poll(() => service.view().state, { timeout: 30_000 }).toBe('synced');
  expect(await db.orders.count()).toBe(120);
  expect(service.view().progress).toBeUndefined();
  expect(await service.catchingUp()).toBe(false);
}

/** Bob's computer joining alice's shop, with the reminders as the background wires them. */
async function joining(team: string, fetch?: typeof globalThis.fetch) {
  const { db, state } = machines.stores('bob');
  const told = new Set<string>();
  const now = () => Date.now();
  const service = syncService({ db, state, now, cookies: 'memory', tuning: SYNC_TEST_TUNING, ...(fetch ? { fetch } : {}), onApplied: (_t, members) => members.forEach((m) => told.add(m)) });
  const scheduler = createScheduler({ db, now, browser: quiet, me: async () => 'bob', sweepHeld: () => service.catchingUp() });
  const login = machines.login(team, 'bob');
  const followUps = async () => (await db.reminders.toArray()).filter((r) => r.kind === 'followUp').length;
  return { db, state, service, scheduler, told, login, followUps };
}

describe('a join refused partway', () => {
  const members = (team: string, names: string[]) => asAdmin(team).putSecurity({ admins: { names: [], roles: [] }, members: { names, roles: [] } });
  it.each([
    ['bob is taken off the team', 'notMember', (team: string) => members(team, ['alice']), (team: string) => members(team, ['alice', 'bob'])],
    ["the team's database is deleted", 'noDatabase', deleteDb, async () => void (gone.at = Infinity)],
  ] as const)('(%s) says why, tells the reminders the buyers it brought, no longer holds their sweep, and joins again at the next sign-in', async (_, why, refuse, undo) => {
    const { team } = await followUpShop(machines);
    gone.at = Infinity;
    const hook = midJoinAt(2, () => refuse(team), gated(goneAfter));
    const bob = await joining(team, hook.fetch);
    try {
      await bob.service.connect(bob.login);
      await expect.poll(() => bob.service.view().state, { timeout: 30_000 }).toBe(why);
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

    await undo(team);
    try {
      await joinsAgain(bob.service, bob.login, bob.db);
    } finally {
      await bob.service.engine()?.close();
    }
  }, 60_000);

  it('(the session ended while the worker slept) asks to sign in again, tells the buyers the first worker brought, no longer holds the sweep, and joins again', async () => {
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
    const next = syncService({ db: first.db, state: first.state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING, fetch: gated(), onApplied: (_t, members) => members.forEach((m) => told.add(m)) });
    const scheduler = createScheduler({ db: first.db, now: () => Date.now(), browser: quiet, me: async () => 'bob', sweepHeld: () => next.catchingUp() });
    await next.resume();
    expect(next.view().state).toBe('signIn');
    expect([...told].sort()).toEqual(((await first.db.members.toCollection().primaryKeys()) as string[]).sort());
    expect(await next.catchingUp()).toBe(false);
    await scheduler.reconcile();
    expect(await first.followUps()).toBeGreaterThan(0);

    try {
      await joinsAgain(next, first.login, first.db);
    } finally {
      await next.engine()?.close();
    }
  }, 60_000);
});
