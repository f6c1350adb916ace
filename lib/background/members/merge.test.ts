import { describe, expect, it } from 'vitest';
import { keepDerivedFresh } from '../derived';
import { createHandlers } from '../handlers';
import { mergeMembers, unmergeIdentity } from './merge';
import { addNote, addTag, lookupByHandle } from './card';
import { importOrders } from '../import/import-orders';
import { StoreError } from '../../store/store-error';
import { writeSettings } from '../../store/settings';
import { DAY, memoryDb, NOW, order } from '../test-helpers';

describe('merging and un-merging members', () => {
  it('an automatic merge by phone can be undone: the handle and its orders become their own member', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ amountMinor: 1000, buyer: { handle: 'lily_chen', phone: '+6591234567' } }), order({ amountMinor: 3000, placedAt: NOW - DAY, buyer: { handle: 'lilychen.shop', phone: '+65 9123 4567' } })], NOW);
    const merged = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    expect(merged?.member.orderCount).toBe(2);

    const { orders } = await unmergeIdentity(db, 'demo:handle:lilychen.shop', NOW);
    expect(orders).toBe(1);
    const a = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
    const b = await lookupByHandle(db, 'demo', 'lilychen.shop', NOW);
    expect(a?.member.id).not.toBe(b?.member.id);
    expect([a?.member.spendMinor, b?.member.spendMinor]).toEqual([1000, 3000]);
    expect(b?.member.lastOrderAt).toBe(NOW - DAY);
  });

  it('a member’s only identity cannot be separated from it', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ buyer: { handle: 'solo' } })], NOW);
    await expect(unmergeIdentity(db, 'demo:handle:solo', NOW)).rejects.toSatisfy((e) => e instanceof StoreError && e.code === 'invalid');
  });

  it('merging two members brings together identities, orders, notes, tags and stats', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ amountMinor: 1000, buyer: { handle: 'mei' } }), order({ platform: 'shopee', amountMinor: 2500, buyer: { handle: 'mei.sg' } })], NOW);
    const keep = (await lookupByHandle(db, 'demo', 'mei', NOW))!.member.id;
    const other = (await lookupByHandle(db, 'shopee', 'mei.sg', NOW))!.member.id;
    await addTag(db, keep, 'gift', NOW);
    await addTag(db, other, 'vip-care', NOW);
    await addNote(db, other, 'Prefers pastel', 'Ana', NOW);
    await mergeMembers(db, keep, other, NOW);
    const card = await lookupByHandle(db, 'shopee', 'mei.sg', NOW);
    expect(card?.member).toMatchObject({ id: keep, orderCount: 2, spendMinor: 3500, tags: ['gift', 'vip-care'] });
    expect(card?.notes.map((n) => n.text)).toEqual(['Prefers pastel']);
    expect(await db.members.get(other)).toBeUndefined();
    // …and reversible, identity by identity.
    await unmergeIdentity(db, 'shopee:handle:mei.sg', NOW);
    expect((await lookupByHandle(db, 'shopee', 'mei.sg', NOW))?.member.spendMinor).toBe(2500);
    expect((await lookupByHandle(db, 'demo', 'mei', NOW))?.member.spendMinor).toBe(1000);
  });

  it('a merge or a separation through the protocol is one committed change: the reports’ figures follow it', async () => {
    const db = memoryDb(undefined, undefined, 'merge-derived');
    await importOrders(db, [order({ buyer: { handle: 'lily_chen', phone: '+6591234567' } }), order({ buyer: { handle: 'lilychen.shop', phone: '+6591234567' } }), order({ buyer: { handle: 'ana' } })], NOW);
    let changed = 0;
    const derived = keepDerivedFresh(db, { ordersChanged: () => changed++, membersChanged: () => changed++ });
    const handlers = createHandlers({ db, now: () => NOW });
    await handlers['member.unmerge']({ identityId: 'demo:handle:lilychen.shop' }, {});
    expect(changed).toBe(1);
    const lily = (await lookupByHandle(db, 'demo', 'lily_chen', NOW))!;
    const ana = (await lookupByHandle(db, 'demo', 'ana', NOW))!;
    await handlers['member.merge']({ keepId: lily.member.id, mergeId: ana.member.id }, {});
    expect(changed).toBe(2);
    derived.stop();
  });

  // Found by the merge end-to-end test: a settings write (the RFM refresh after an import or a
  // separation) lets go of the settings held in memory, and the merge then read them inside its own
  // transaction, which does not cover the settings table: the merge failed and the panel kept the old figures.
  it.each([
    ['merging two members', async (db: ReturnType<typeof memoryDb>, keep: string, other: string) => void (await mergeMembers(db, keep, other, NOW)), [4500, 4500]],
    ['separating an identity', async (db: ReturnType<typeof memoryDb>) => void (await unmergeIdentity(db, 'demo:handle:lilychen.shop', NOW)), [1000, 500]],
  ])('%s works right after a settings write', async (_name, act, expected) => {
    const db = memoryDb();
    await importOrders(db, [order({ amountMinor: 1000, buyer: { handle: 'lily_chen', phone: '+6591234567' } }), order({ amountMinor: 3000, buyer: { handle: 'lilychen.shop', phone: '+6591234567' } }), order({ amountMinor: 500, buyer: { handle: 'other.one' } })], NOW);
    const keep = (await lookupByHandle(db, 'demo', 'lily_chen', NOW))!.member.id;
    const other = (await lookupByHandle(db, 'demo', 'other.one', NOW))!.member.id;
    await writeSettings(db, { lapseDays: 75 });
    await act(db, keep, other);
    const spends = [(await lookupByHandle(db, 'demo', 'lily_chen', NOW))!.member.spendMinor, (await lookupByHandle(db, 'demo', 'other.one', NOW))!.member.spendMinor];
    expect(spends).toEqual(expected);
  });
});
