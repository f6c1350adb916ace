// Joining a team writes as one import-like session: the figures derived from orders wait for its
// end instead of being recomputed between batches, the reminders are told once, and nothing that
// arrived is sent back.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { keepDerivedFresh } from '../derived';
import { onCommitted } from '../../store/changes';
import { memberRow } from '../../domain/sync/fixtures';
import { addTag } from '../members/card';
import { mergeMembers } from '../members/merge';
import { NOW, order } from '../test-helpers';
import type { RegularsDb } from '../../store/database';
import { shadowsOf } from './shadows';

const { newTeam, teamWithShop, machine } = teamOnTestServer();

/** 60 orders of 60 buyers. */
const sixtyBuyers = (orderPrefix: string) => Array.from({ length: 60 }, (_, i) => order({ orderNo: `${orderPrefix}${i}`, buyer: { handle: `buyer${i}` } }));

describe('joining a team', () => {
  it('is one session: order figures refreshed once at its end, the reminders told once', async () => {
    const { team } = await teamWithShop(sixtyBuyers('C'));

    const refreshed: number[] = [];
    const told: { members: number; session: string | undefined }[] = [];
    const hooks: { importEnded?: (session: string) => void } = {};
    const b = await machine(team, 'bob', 'bob-pw', {
      onApplied: (_tables, members, session) => {
        told.push({ members: members.size, session });
        if (session) hooks.importEnded?.(session);
      },
    });
    const derived = keepDerivedFresh(b.db, { ordersChanged: () => refreshed.push(Date.now()), membersChanged: () => undefined });
    hooks.importEnded = derived.importEnded;
    b.engine.start();
    await b.engine.settled(30_000);
    derived.stop();

    expect(await b.db.orders.count()).toBe(60);
    // Sixty buyers' documents came in batches of 50: many batches, one refresh, one call.
    expect(refreshed).toHaveLength(1);
    expect(told).toEqual([{ members: 60, session: expect.stringMatching(/^sync-\d+$/) }]);
    expect(b.engine.status().waiting).toBe(0);
  }, 60_000);

  it('cut short by the server going away, it tells the reminders nothing until the whole shop is here, then once', async () => {
    const { team } = await teamWithShop(sixtyBuyers('E'));

    let pages = 0;
    const dropsOnce: typeof fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/_changes') && ++pages === 3) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const told: { members: number; session: string | undefined; at: string }[] = [];
    const b = await machine(team, 'bob', 'bob-pw', {
      fetch: dropsOnce,
      onApplied: (_tables, members, session) => told.push({ members: members.size, session, at: b.engine.status().state }),
    });
    b.engine.start();
    await b.engine.settled(30_000);

    expect(pages).toBeGreaterThan(3);
    expect(await b.db.members.count()).toBe(60);
    expect(told).toEqual([{ members: 60, session: expect.stringMatching(/^sync-\d+$/), at: 'synced' }]);
  }, 60_000);

  it('a batch whose shadows could not be kept is read again: the checkpoint never moves past it, and every document ends remembered as synced', async () => {
    const { team, a } = await teamWithShop(sixtyBuyers('K'));
    const b = await machine(team, 'bob', 'bob-pw');
    // The second batch's shadows fail to be written (the disk full a moment) while the third is being stored.
    const put = b.state.shadow.bulkPut.bind(b.state.shadow);
    let puts = 0;
    b.state.shadow.bulkPut = ((...args: Parameters<typeof put>) => (++puts === 2 ? Promise.reject(new Error('disk full')) : put(...args))) as typeof put;
    b.engine.start();
    await b.engine.settled(30_000);

    const onA = await a.state.shadow.toArray();
    expect(onA).toHaveLength(180);
    expect((await shadowsOf(b.state, onA.map((s) => s.id))).map((s) => s?.rev)).toEqual(onA.map((s) => s.rev));
    expect(await b.db.members.count()).toBe(60);
  }, 60_000);

  it('writes each batch it reads as one change of the store: member rows once, with their stats, not again for the stats', async () => {
    const { team, a } = await teamWithShop(Array.from({ length: 90 }, (_, i) => order({ orderNo: `D${i}`, buyer: { handle: `buyer${i % 30}` }, amountMinor: 1000 + i })));

    let pages = 0;
    const counting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).includes('/_changes')) {
        const body = (await res.clone().json()) as { results?: unknown[] };
        if (body.results?.length) pages++;
      }
      return res;
    };
    const b = await machine(team, 'bob', 'bob-pw', { fetch: counting });
    const changes: string[][] = [];
    const stop = onCommitted((c) => c.db === b.db.name && changes.push(c.tables.map((t) => t.table)));
    b.engine.start();
    await b.engine.settled(30_000);
    stop();

    expect(pages).toBeGreaterThan(2);
    expect(changes.length).toBeLessThanOrEqual(pages);
    const onA = new Map((await a.db.members.toArray()).map((m) => [m.id, [m.orderCount, m.spendMinor, m.tierId]]));
    const onB = new Map((await b.db.members.toArray()).map((m) => [m.id, [m.orderCount, m.spendMinor, m.tierId]]));
    expect(onB).toEqual(onA);
  }, 60_000);

  it("each member gets its own tags, m_1 none of m_10's, when they arrive together and when one comes later", async () => {
    const team = await newTeam();
    const a = await machine(team, 'alice', 'alice-pw');
    await a.db.members.bulkPut([memberRow({ id: 'm_1', tags: ['gift'] }), memberRow({ id: 'm_10', tags: ['vip', 'wholesale'] }), memberRow({ id: 'm_2', tags: [] })]);
    a.engine.start();
    await a.engine.settled(30_000);
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled(30_000);
    const tagsOnB = async () => Object.fromEntries((await b.db.members.toArray()).map((m) => [m.id, m.tags]));
    expect(await tagsOnB()).toEqual({ m_1: ['gift'], m_10: ['vip', 'wholesale'], m_2: [] });

    // Later, alone in its batch: the tags B synced before are read back for m_1 only.
    await addTag(a.db, 'm_1', 'late', NOW + 1);
    await expect.poll(tagsOnB, { timeout: 5000 }).toEqual({ m_1: ['gift', 'late'], m_10: ['vip', 'wholesale'], m_2: [] });
  }, 60_000);

  it('two members merged on A are one on B, connected or joining afterwards: its orders, stats and tags together', async () => {
    const memberOf = async (db: RegularsDb, handle: string) => (await db.identities.filter((i) => i.value === handle).first())!.memberId;
    const { team, a } = await teamWithShop([order({ orderNo: 'M1', buyer: { handle: 'lin' }, amountMinor: 1000 }), order({ orderNo: 'M2', buyer: { handle: 'lin' }, amountMinor: 2000 }), order({ orderNo: 'M3', buyer: { handle: 'linwei' }, amountMinor: 4000 })], {
      before: async (a) => addTag(a.db, await memberOf(a.db, 'lin'), 'gift', NOW),
    });
    const [lin, linwei] = await Promise.all([memberOf(a.db, 'lin'), memberOf(a.db, 'linwei')]);
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled(30_000);
    expect(await b.db.members.count()).toBe(2);

    await mergeMembers(a.db, linwei, lin, NOW + 5);
    await a.engine.settled(30_000);
    const one = async (m: typeof b) => (await m.db.members.toArray()).map((r) => ({ id: r.id, orders: r.orderCount, spend: r.spendMinor, tags: r.tags }));
    const expected = [{ id: linwei, orders: 3, spend: 7000, tags: ['gift'] }];
    expect(await one(a)).toEqual(expected);
    await expect.poll(() => one(b), { timeout: 5000 }).toEqual(expected);
    expect(new Set((await b.db.orders.toArray()).map((o) => o.memberId))).toEqual(new Set([linwei]));

    const c = await machine(team, 'bob', 'bob-pw');
    c.engine.start();
    await c.engine.settled(30_000);
    expect(await one(c)).toEqual(expected);
    expect(await c.db.orders.count()).toBe(3);
  }, 60_000);
});
