import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import { addNote, addTag, lookupByHandle, memberCard, removeTag } from './card';
import { deleteOrders } from '../import/member-refresh';
import { importOrders } from '../import/import-orders';
import { refreshRfmBreaks } from '../segments/rfm-breaks';
import { StoreError } from '../../store/store-error';
import { writeSettings } from '../../store/settings';
import { addManualReminder } from '../reminders/reminder-actions';
import { adjustPoints } from './members';
import { storeCounts } from '../settings/counts';
import { movesOf } from '../../domain/tier-moves';
import { DAY, keepTiers, memoryDb, NOW, order } from '../test-helpers';

let db: RegularsDb;
beforeEach(() => {
  db = memoryDb();
});

describe('importing orders builds one member per person', () => {
  it('a buyer with three orders is one member whose stats add up', async () => {
    await importOrders(
      db,
      [order({ amountMinor: 1000 }), order({ amountMinor: 2500, placedAt: NOW - 2 * DAY }), order({ amountMinor: 500, placedAt: NOW - 30 * DAY })],
      NOW,
    );
    const card = await lookupByHandle(db, 'demo', '@Lily_Chen', NOW);
    expect(card?.member).toMatchObject({ orderCount: 3, spendMinor: 4000, averageOrderMinor: 1333, lastOrderAt: NOW - 2 * DAY, firstOrderAt: NOW - 30 * DAY });
    expect(await db.members.count()).toBe(1);
  });

  it.each(['cancelled', 'refunded', 'unpaid'] as const)('a %s order does not count as spend', async (status) => {
    await importOrders(db, [order({ amountMinor: 1000 }), order({ amountMinor: 9000, status })], NOW);
    const card = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    expect(card?.member.spendMinor).toBe(1000);
    expect(card?.member.orderCount).toBe(1);
    expect(card?.orderTotal).toBe(2);
  });

  it('two handles with the same phone are one member, and the merge is reported', async () => {
    const result = await importOrders(
      db,
      [order({ buyer: { handle: 'lily_chen', phone: '+65 9123 4567' } }), order({ buyer: { handle: 'lilychen.shop', phone: '+6591234567', email: 'other@example.com' } })],
      NOW,
    );
    const a = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    const b = await lookupByHandle(db, 'demo', 'lilychen.shop', NOW);
    expect(a?.member.id).toBe(b?.member.id);
    expect(a?.member.orderCount).toBe(2);
    expect(result.merges).toEqual([{ memberId: a!.member.id, identity: 'demo:handle:lilychen.shop', by: 'phone' }]);
    expect(a?.identities.filter((i) => i.kind === 'handle').map((i) => i.value).sort()).toEqual(['lily_chen', 'lilychen.shop']);
  });

  it('the same handle on two platforms is two members unless phone or e-mail match', async () => {
    await importOrders(db, [order({ platform: 'demo' }), order({ platform: 'shopee' })], NOW);
    expect(await db.members.count()).toBe(2);
  });

  it('a buyer matched by e-mail across platforms joins the same member', async () => {
    await importOrders(db, [order({ platform: 'shopify', buyer: { email: 'Lily@Example.com', name: 'Lily Chen' } }), order({ platform: 'etsy', buyer: { handle: 'lilyc', email: 'lily@example.com' } })], NOW);
    expect(await db.members.count()).toBe(1);
  });

  it('importing the same orders twice changes nothing', async () => {
    const rows = [order(), order({ buyer: { handle: 'mei' } })];
    await importOrders(db, rows, NOW);
    const before = await db.members.toArray();
    const again = await importOrders(db, rows, NOW + DAY);
    expect(again.orders).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await db.members.toArray()).toEqual(before);
    expect(await db.orders.count()).toBe(2);
  });

  it('a newer export moves an order forward and updates the stats', async () => {
    const unpaid = order({ status: 'unpaid', amountMinor: 4200 });
    await importOrders(db, [unpaid], NOW);
    expect((await lookupByHandle(db, 'demo', 'lily_chen', NOW))?.member.spendMinor).toBe(0);
    const result = await importOrders(db, [{ ...unpaid, status: 'paid', paidAt: NOW }], NOW);
    expect(result.orders.updated).toBe(1);
    expect((await lookupByHandle(db, 'demo', 'lily_chen', NOW))?.member.spendMinor).toBe(4200);
  });

  it('an older export read later does not move an order back', async () => {
    const o = order({ status: 'delivered' });
    await importOrders(db, [o], NOW);
    await importOrders(db, [{ ...o, status: 'paid' }], NOW);
    expect((await db.orders.toArray())[0]!.status).toBe('delivered');
  });

  it('a refund after delivery takes the order out of spend', async () => {
    const o = order({ amountMinor: 3000 });
    await importOrders(db, [o, order({ amountMinor: 1000 })], NOW);
    await importOrders(db, [{ ...o, status: 'refunded' }], NOW);
    expect((await lookupByHandle(db, 'demo', 'lily_chen', NOW))?.member.spendMinor).toBe(1000);
  });

  it('removing an order takes it out of the member stats', async () => {
    const big = order({ amountMinor: 60000, placedAt: NOW - DAY });
    await importOrders(db, [order({ amountMinor: 1000, placedAt: NOW - 5 * DAY }), big], NOW);
    expect(await deleteOrders(db, [`demo:${big.orderNo}`, 'demo:nope'], NOW)).toBe(1);
    const card = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    expect(card?.member).toMatchObject({ orderCount: 1, spendMinor: 1000, lastOrderAt: NOW - 5 * DAY });
    expect(card?.orderTotal).toBe(1);
  });

  it('a tier upgrade is recorded when orders lift a member, and none when a member is first seen', async () => {
    const tiers = await keepTiers(db);
    await importOrders(db, [order()], NOW);
    expect((await lookupByHandle(db, 'demo', 'lily_chen', NOW))?.tier.id).toBe('regular');
    await importOrders(db, [order({ amountMinor: 60000 })], NOW);
    const card = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    expect(card?.tier.id).not.toBe('regular');
    await tiers.settled();
    const changes = movesOf(await db.tierChanges.toArray());
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ from: 'regular', to: card!.tier.id, direction: 'up' });
  });
});

describe('the member card', () => {
  it('an unknown handle has no card', async () => {
    expect(await lookupByHandle(db, 'demo', 'nobody', NOW)).toBeNull();
  });

  it("a card holds its own member's orders, notes, identities, reminders and points log, and none of another's", async () => {
    await writeSettings(db, { points: { enabled: true, perUnit: 1 } });
    await importOrders(db, [order({ orderNo: 'L1', placedAt: NOW - 2 * DAY }), order({ orderNo: 'L2', placedAt: NOW - DAY }), order({ orderNo: 'B1', buyer: { handle: 'ben' } })], NOW);
    const lily = (await lookupByHandle(db, 'demo', 'lily_chen', NOW))!.member.id;
    const ben = (await lookupByHandle(db, 'demo', 'ben', NOW))!.member.id;
    for (const [id, who] of [[lily, 'Lily'], [ben, 'Ben']] as const) {
      await addNote(db, id, `About ${who}`, 'Ana', NOW);
      await addManualReminder(db, { memberId: id, dueAt: NOW + DAY, reason: `Call ${who}` }, NOW);
      for (let i = 1; i <= 4; i++) await adjustPoints(db, id, i, `${who} ${i}`, 'Ana', NOW + i);
    }
    const card = (await lookupByHandle(db, 'demo', 'lily_chen', NOW + 10))!;
    expect(card.recentOrders.map((o) => o.orderNo)).toEqual(['L2', 'L1']);
    expect(card.notes.map((n) => n.text)).toEqual(['About Lily']);
    expect(card.identities.map((i) => i.value)).toEqual(['lily_chen']);
    expect(card.reminders.map((r) => r.reason)).toEqual(['Call Lily']);
    expect(card.points?.log.map((p) => p.reason)).toEqual(['Lily 4', 'Lily 3', 'Lily 2']);
    expect(card.member.tierId).toBe((await db.members.get(lily))!.tierId);
    expect((await memberCard(db, ben, NOW + 10))!.notes.map((n) => n.text)).toEqual(['About Ben']);
  });

  it('a card is read from the store as it is after another connection deleted and made it again', async () => {
    const factory = new IDBFactory();
    const mine = memoryDb(undefined, factory);
    await importOrders(mine, [order({ orderNo: 'old' })], NOW);
    expect((await lookupByHandle(mine, 'demo', 'lily_chen', NOW))?.recentOrders.map((o) => o.orderNo)).toEqual(['old']);
    const other = memoryDb(undefined, factory);
    await other.delete();
    await other.open();
    await importOrders(other, [order({ orderNo: 'new' })], NOW);
    expect((await lookupByHandle(mine, 'demo', 'lily_chen', NOW))?.recentOrders.map((o) => o.orderNo)).toEqual(['new']);
  });

  it('shows the five most recent orders, newest first, and the total', async () => {
    await importOrders(db, Array.from({ length: 8 }, (_, i) => order({ placedAt: NOW - (i + 1) * DAY, orderNo: `r${i}` })), NOW);
    const card = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    expect(card?.recentOrders.map((o) => o.orderNo)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(card?.orderTotal).toBe(8);
  });

  it('carries an RFM segment once the cut points are computed', async () => {
    await importOrders(db, [order(), order({ buyer: { handle: 'b' }, placedAt: NOW - 300 * DAY })], NOW);
    expect((await lookupByHandle(db, 'demo', 'lily_chen', NOW))?.rfm).toBeNull();
    await refreshRfmBreaks(db, NOW);
    expect((await lookupByHandle(db, 'demo', 'lily_chen', NOW))?.rfm?.segment).toBeTruthy();
  });
});

describe('tags and notes', () => {
  it('a tag is added once, whatever its case, and can be removed', async () => {
    await importOrders(db, [order()], NOW);
    const id = (await db.members.toArray())[0]!.id;
    expect(await addTag(db, id, ' gift ', NOW)).toEqual(['gift']);
    expect(await addTag(db, id, 'Gift', NOW)).toEqual(['gift']);
    expect(await addTag(db, id, 'VIP care', NOW)).toEqual(['gift', 'VIP care']);
    expect((await db.members.toArray()).filter((m) => m.tags.includes('gift'))).toHaveLength(1);
    expect(await removeTag(db, id, 'GIFT', NOW)).toEqual(['VIP care']);
  });

  it('notes come newest first with their author', async () => {
    await importOrders(db, [order()], NOW);
    const id = (await db.members.toArray())[0]!.id;
    await addNote(db, id, 'Buys gifts for her mother', 'Ana', NOW - 1000);
    await addNote(db, id, 'Size M in shirts', 'Ben', NOW);
    const card = await memberCard(db, id, NOW);
    expect(card?.notes.map((n) => [n.text, n.author])).toEqual([
      ['Size M in shirts', 'Ben'],
      ['Buys gifts for her mother', 'Ana'],
    ]);
  });

  it.each([
    ['a tag for a member that does not exist', () => addTag(db, 'm_missing', 'gift', NOW), 'not_found'],
    ['an empty note', () => addNote(db, 'm_missing', '   ', 'Ana', NOW), 'invalid'],
  ])('%s is refused', async (_name, act, code) => {
    await expect(act()).rejects.toSatisfy((e) => e instanceof StoreError && e.code === code);
  });
});

describe('spend over time', () => {
  it('the sparkline sums counted spend per calendar month, oldest first', async () => {
    const { spendByMonth } = await import('./card');
    const now = Date.UTC(2026, 10, 23);
    const at = (y: number, m: number) => Date.UTC(y, m - 1, 15);
    const rows = [
      { amountMinor: 100, currency: 'USD', status: 'delivered', placedAt: at(2026, 11) },
      { amountMinor: 50, currency: 'USD', status: 'paid', placedAt: at(2026, 11) },
      { amountMinor: 999, currency: 'USD', status: 'refunded', placedAt: at(2026, 10) },
      { amountMinor: 70, currency: 'USD', status: 'delivered', placedAt: at(2025, 12) },
      { amountMinor: 5, currency: 'USD', status: 'delivered', placedAt: at(2025, 11) },
      { amountMinor: 30, currency: 'EUR', status: 'delivered', placedAt: at(2026, 11) },
    ] as const;
    expect(spendByMonth(rows, 'USD', now, 'UTC')).toEqual([70, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 150]);
  });
});

describe('store counts', () => {
  it('follow every change of the tables counted, also when kept between calls', async () => {
    const db = memoryDb();
    expect(await storeCounts(db)).toEqual({ members: 0, orders: 0, notes: 0, identities: 0 });
    await importOrders(db, [order({ orderNo: 'a', buyer: { handle: 'lily_chen', phone: '+6591234567' } }), order({ orderNo: 'b', buyer: { handle: 'mei' } })], NOW);
    expect(await storeCounts(db)).toEqual({ members: 2, orders: 2, notes: 0, identities: 3 });
    expect(await storeCounts(db)).toEqual({ members: 2, orders: 2, notes: 0, identities: 3 });
    const id = (await lookupByHandle(db, 'demo', 'mei', NOW))!.member.id;
    await addNote(db, id, 'Prefers SMS', 'Ann', NOW);
    await deleteOrders(db, ['demo:b'], NOW);
    expect(await storeCounts(db)).toEqual({ members: 2, orders: 1, notes: 1, identities: 3 });
    // A write from another context on the same store, which this one hears nothing of.
    await db.orders.bulkDelete(['demo:a']);
    expect((await storeCounts(db)).orders).toBe(0);
  });
});
