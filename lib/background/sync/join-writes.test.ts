// A join into an empty store takes a batch's member stats from the batch's own orders where those
// are all the member's, and does not look for member rows no batch wrote (join-writes.ts); every
// other member is read back. Whatever order the team's documents come in, the stats a join leaves
// are those of the orders it stored.
import { expect, it, vi } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { identityRow, memberRow, orderRow } from '../../domain/sync/fixtures';
import { identityDocFromRow, memberDocFromRow, memberDocMerged, orderDocFromRow } from '../../domain/sync/row-to-doc';
import type { MemberWrite, OrderRow } from '../../domain/rows';
import { readSettings } from '../../store/settings';
import type { RegularsDb } from '../../store/database';
import { membersFromOrders } from '../import/member-refresh';
import { importOrders } from '../import/import-orders';
import { NOW, order } from '../test-helpers';
import { midJoinAt } from './join-test-helpers';
import type { CouchClient } from './couch';
import { batchKnows, freshJoin, marksAfterBatch, noteBatch } from './join-writes';
import { memoryDb } from '../../store/test-helpers';
import { emptyMember } from '../members/members';

const machines = teamOnTestServer();
const DAY = 86_400_000;

const memberDocs = (id: string) => [
  memberDocFromRow(memberRow({ id, displayName: `Buyer ${id}`, currency: 'USD', createdAt: NOW, updatedAt: NOW }), undefined, 'alice'),
  identityDocFromRow(identityRow({ id: `demo:handle:${id}`, platform: 'demo', value: id, display: id, memberId: id }), undefined, 'alice', NOW),
];
const orderOf = (memberId: string, n: number, over: Partial<OrderRow> = {}) =>
  orderRow({ id: `demo:${memberId}-${n}`, platform: 'demo', orderNo: `${memberId}-${n}`, memberId, buyer: memberId, currency: 'USD', amountMinor: 1000 + n * 100, status: 'delivered', placedAt: NOW - (10 + n) * DAY, items: [{ title: 'Linen shirt', quantity: 1 }], updatedAt: NOW, ...over });
const orderDoc = (row: OrderRow, rev?: string) => orderDocFromRow(row, undefined, 'alice', NOW, rev);

/** Writes documents in this order (the feed's), returning their revisions by id. */
async function send(client: CouchClient, docs: readonly object[]): Promise<Map<string, string>> {
  const revs = new Map<string, string>();
  for (const doc of docs) {
    const [r] = await client.bulkDocs([doc]);
    if (!r?.ok || !r.rev) throw new Error(`the team server refused ${JSON.stringify(doc)}: ${JSON.stringify(r)}`);
    revs.set(r.id!, r.rev);
  }
  return revs;
}

/** Every member's stats in `db` beside the same recounted from its orders as stored. */
async function statsAgainstOrders(db: RegularsDb) {
  const settings = await readSettings(db);
  const pick = (m: MemberWrite) => ({
    id: m.id,
    orderCount: m.orderCount,
    spendMinor: m.spendMinor,
    currency: m.currency,
    spendOrderCount: m.spendOrderCount,
    averageOrderMinor: m.averageOrderMinor,
    firstOrderAt: m.firstOrderAt,
    lastOrderAt: m.lastOrderAt,
    categoryLastAt: m.categoryLastAt,
  });
  const stored = (await db.members.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
  const counted = (await membersFromOrders(db, stored, settings, NOW)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { stored: stored.map(pick), counted: counted.map(pick) };
}

/** Range reads of a member's orders, and member rows asked for, while `run` runs. */
async function readsDuring(db: RegularsDb, run: () => Promise<void>): Promise<{ ranges: number; members: number }> {
  const where = db.orders.where.bind(db.orders);
  const bulkGet = db.members.bulkGet.bind(db.members);
  const reads = { ranges: 0, members: 0 };
  const spies = [
    vi.spyOn(db.orders, 'where').mockImplementation(((index: string) => {
      if (index === '[memberId+placedAt]') reads.ranges++;
      return where(index);
    }) as typeof db.orders.where),
    vi.spyOn(db.members, 'bulkGet').mockImplementation(((keys: string[]) => {
      reads.members += keys.length;
      return bulkGet(keys);
    }) as typeof db.members.bulkGet),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return reads;
}

it('a join leaves every member the stats of its stored orders, however its documents come, with most members not read back', async () => {
  const team = await machines.newTeam();
  const a = await machines.machine(team, 'alice', 'alice-pw');
  const first: object[] = [];
  // Forty buyers, each whole in one stretch of the feed (member, identity, three orders).
  for (let i = 0; i < 40; i++) first.push(...memberDocs(`m${i}`), ...[0, 1, 2].map((n) => orderDoc(orderOf(`m${i}`, n))));
  // Two currencies, one order each: the earlier order's wins the tie, though the feed brings the later first.
  first.push(...memberDocs('mixed'), orderDoc(orderOf('mixed', 0, { currency: 'USD', placedAt: NOW - 3 * DAY })), orderDoc(orderOf('mixed', 1, { currency: 'EUR', placedAt: NOW - 5 * DAY })));
  // A buyer whose orders come before the buyer itself, another whose orders come in two parts.
  first.push(...[0, 1].map((n) => orderDoc(orderOf('early', n))));
  await send(a.client, first);
  const later: object[] = [...memberDocs('early'), ...memberDocs('split'), orderDoc(orderOf('split', 0))];
  for (let i = 0; i < 60; i++) later.push(...memberDocs(`n${i}`));
  later.push(orderDoc(orderOf('split', 1)), orderDoc(orderOf('m3', 5)));
  // An order deleted before the join: its tombstone comes, the order never did.
  const [gone] = await a.client.bulkDocs([orderDoc(orderOf('n7', 0))]);
  later.push({ _id: gone!.id, _rev: gone!.rev, _deleted: true });
  await send(a.client, later);

  const b = await machines.machine(team, 'bob', 'bob-pw');
  const reads = await readsDuring(b.db, async () => {
    b.engine.start();
    await b.engine.settled(30_000);
  });

  expect(await b.db.orders.count()).toBe(40 * 3 + 2 + 2 + 2 + 1);
  const { stored, counted } = await statsAgainstOrders(b.db);
  expect(stored).toHaveLength(40 + 1 + 1 + 1 + 60);
  expect(stored).toEqual(counted);
  const byId = new Map(stored.map((m) => [m.id, m]));
  expect(byId.get('m1')).toMatchObject({ orderCount: 3, spendMinor: 1000 + 1100 + 1200 });
  expect(byId.get('m3')).toMatchObject({ orderCount: 4 });
  expect(byId.get('mixed')).toMatchObject({ orderCount: 2, currency: 'EUR', spendOrderCount: 1, spendMinor: 1100 });
  expect(byId.get('early')).toMatchObject({ orderCount: 2 });
  expect(byId.get('split')).toMatchObject({ orderCount: 2 });
  expect(byId.get('n0')).toMatchObject({ orderCount: 0, spendMinor: 0, firstOrderAt: undefined });
  // Read back: the early, split and later-order buyers (a batch of 50 documents can cut a buyer's
  // stretch in two too), not the hundred others.
  expect(reads.ranges).toBeGreaterThan(0);
  expect(reads.ranges).toBeLessThan(25);
  // Member rows looked for: only those an earlier batch wrote (a buyer whose member document comes
  // in one page and its orders in the next), not the hundred others.
  expect(reads.members).toBeLessThan(25);
}, 60_000);

it("an order another writer stores during the join counts in its buyer's stats when the team's orders of that buyer arrive", async () => {
  const team = await machines.newTeam();
  const a = await machines.machine(team, 'alice', 'alice-pw');
  const docs: object[] = [...memberDocs('lin')];
  for (let i = 0; i < 30; i++) docs.push(...memberDocs(`m${i}`), orderDoc(orderOf(`m${i}`, 0)));
  docs.push(...[0, 1].map((n) => orderDoc(orderOf('lin', n))));
  await send(a.client, docs);

  const mid = midJoinAt(2, async () => {
    // Lin is here (the first page), her orders not yet: an import here finds her by her handle.
    await expect.poll(() => b.db.identities.get('demo:handle:lin'), { timeout: 10_000 }).toBeDefined();
    await importOrders(b.db, [order({ orderNo: 'LOCAL1', buyer: { handle: 'lin' }, amountMinor: 5000, placedAt: NOW - DAY })], NOW);
  });
  const b = await machines.machine(team, 'bob', 'bob-pw', { fetch: mid.fetch });
  b.engine.start();
  await b.engine.settled(30_000);

  expect(mid.pages()).toBeGreaterThanOrEqual(2);
  expect((await b.db.orders.toArray()).filter((o) => o.memberId === 'lin')).toHaveLength(3);
  expect(await b.db.members.get('lin')).toMatchObject({ orderCount: 3, spendMinor: 5000 + 1000 + 1100 });
  const { stored, counted } = await statsAgainstOrders(b.db);
  expect(stored).toEqual(counted);
}, 60_000);

it('what the team changes during the join comes again at its end: a cancelled order, a merge and a later order leave their buyers counted from their stored orders', async () => {
  const team = await machines.newTeam();
  const a = await machines.machine(team, 'alice', 'alice-pw');
  const docs: object[] = [];
  for (const [from, to] of [['old', 'keep'], ['old2', 'keep2']]) docs.push(...memberDocs(from!), ...[0, 1].map((n) => orderDoc(orderOf(from!, n))), ...memberDocs(to!));
  docs.push(...memberDocs('pia'), ...[0, 1, 2].map((n) => orderDoc(orderOf('pia', n))));
  for (let i = 0; i < 40; i++) docs.push(...memberDocs(`m${i}`), orderDoc(orderOf(`m${i}`, 0)));
  const revs = await send(a.client, docs);

  // Once bob's join has read two pages (the first applied or being applied), alice merges Old into
  // Keep and Old2 into Keep2, and cancels one of Pia's orders: these documents come again at the
  // end of the feed. Then more buyers, and a page later a new order of Keep2's.
  const merged = (from: string, to: string) => memberDocMerged({ ...(memberDocs(from)[0] as ReturnType<typeof memberDocFromRow>), _rev: revs.get(`member:${from}`) }, to, 'alice', NOW);
  const mid = midJoinAt(2, async () => {
    await send(a.client, [merged('old', 'keep'), merged('old2', 'keep2'), orderDoc(orderOf('pia', 0, { status: 'cancelled' }), revs.get('order:demo:pia-0'))]);
    await send(a.client, Array.from({ length: 30 }, (_, i) => memberDocs(`n${i}`)).flat());
    await send(a.client, [orderDoc(orderOf('keep2', 9))]);
  });
  const b = await machines.machine(team, 'bob', 'bob-pw', { fetch: mid.fetch });
  b.engine.start();
  await b.engine.settled(30_000);

  expect(mid.pages()).toBeGreaterThan(2);
  const byId = new Map((await b.db.members.toArray()).map((m) => [m.id, m]));
  expect(byId.has('old')).toBe(false);
  expect(byId.get('keep')).toMatchObject({ orderCount: 2, spendMinor: 1000 + 1100 });
  expect(byId.get('keep2')).toMatchObject({ orderCount: 3, spendMinor: 1000 + 1100 + 1900 });
  expect(byId.get('pia')).toMatchObject({ orderCount: 2, spendMinor: 1100 + 1200 });
  const { stored, counted } = await statsAgainstOrders(b.db);
  expect(stored).toEqual(counted);
}, 60_000);

it('a table another writer wrote during the join is read as before, from then on', async () => {
  const db = memoryDb(undefined, undefined, 'join-writes-unit');
  const join = await freshJoin(db);
  expect(join?.orders && join.members).toBeTruthy();
  const first = [orderOf('lin', 0)];
  // The join's first batch: Lin's order and row.
  await db.transaction('rw', [db.orders, db.members, db.caches], async () => {
    const knows = await batchKnows(db, join, first);
    expect(knows.own?.('lin')).toEqual(first);
    expect(await knows.members(['lin'])).toEqual([undefined]);
    await db.orders.bulkPut(first);
    await db.members.put({ ...emptyMember('lin', 'Lin', { shopCurrency: 'USD' }, NOW), orderCount: 1 });
    noteBatch(join, { orders: first, moved: [], members: ['lin'] }, await marksAfterBatch(db, join));
  });
  // Another writer: a row for Bo, and an order of Ana's.
  await db.members.put(emptyMember('bo', 'Bo', { shopCurrency: 'USD' }, NOW));
  await db.orders.put(orderOf('ana', 0));
  await db.transaction('rw', [db.orders, db.members, db.caches], async () => {
    const knows = await batchKnows(db, join, [orderOf('ana', 1)]);
    expect(knows.own).toBeUndefined();
    expect((await knows.members(['lin', 'bo', 'ana'])).map((m) => m?.id)).toEqual(['lin', 'bo', undefined]);
  });
  expect(join).toEqual({});
});
