import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { identityDocFromRow, memberDocFromRow } from '../../domain/sync/row-to-doc';
import { identityRow, memberRow } from '../../domain/sync/fixtures';
import { dropShadows, hasShadows, MEMBER_PACK_SIZE, PACK_SIZE, packShadows, shadowIdsWithPrefix, shadowOf, shadowsOf, shadowsWithPrefix } from './shadows';
import { outboxKey, SyncStateDb, type ShadowRow } from './state';

const fresh = (factory = new IDBFactory(), name = `shadows-${Math.random()}`) => new SyncStateDb(name, { indexedDB: factory, IDBKeyRange });
const order = (i: number, rev = '1-a'): ShadowRow => ({ id: `order:o${i}`, rev, order: { memberId: `m_${i}`, member: { at: 1, by: 'alice' } }, hash: i });
const member = (i: number, rev = '1-a'): ShadowRow => ({ id: `member:m_${i}`, rev, doc: memberDocFromRow(memberRow({ id: `m_${i}` }), undefined, 'alice') });

describe("a join's shadows kept in packs", () => {
  it('are found by id, by prefix and as keys, as records of their own were', async () => {
    const state = fresh();
    const orders = Array.from({ length: PACK_SIZE + 5 }, (_, i) => order(i));
    await packShadows(state, [...orders, member(1)]);

    expect(await state.packs.count()).toBe(3); // the orders' two, and the member's of its own
    expect(await state.shadow.count()).toBe(0);
    expect((await shadowsOf(state, ['order:o3', 'order:nope', 'member:m_1'])).map((s) => s?.id)).toEqual(['order:o3', undefined, 'member:m_1']);
    expect((await shadowOf(state, `order:o${PACK_SIZE + 4}`))?.order?.memberId).toBe(`m_${PACK_SIZE + 4}`);
    expect((await shadowIdsWithPrefix(state, 'order:')).sort()).toEqual(orders.map((o) => o.id).sort());
    expect((await shadowsWithPrefix(state, ['order:o1'])).map((s) => s.id)).toEqual(orders.map((o) => o.id).filter((id) => id.startsWith('order:o1')).sort());
    expect(await hasShadows(state)).toBe(true);
  });

  it('yield to a later write of their own, to a later pack, and leave with a deletion', async () => {
    const state = fresh();
    await packShadows(state, [order(1), order(2), order(3)]);
    await packShadows(state, [order(2, '2-b')]);
    await state.shadow.put(order(3, '3-c'));
    expect((await shadowsOf(state, ['order:o1', 'order:o2', 'order:o3'])).map((s) => s?.rev)).toEqual(['1-a', '2-b', '3-c']);

    await dropShadows(state, ['order:o2', 'order:o3']);
    expect((await shadowsOf(state, ['order:o1', 'order:o2', 'order:o3'])).map((s) => s?.rev)).toEqual(['1-a', undefined, undefined]);
    // The second pack held only o2: gone with it.
    expect(await state.packs.count()).toBe(1);
    await dropShadows(state, ['order:o1']);
    expect(await hasShadows(state)).toBe(false);
  });

  it("keep members' in small packs and tags' as records of their own, each found as before", async () => {
    const state = fresh();
    const members = Array.from({ length: 2 * MEMBER_PACK_SIZE + 5 }, (_, i) => member(i));
    const tag: ShadowRow = { id: 'tag:m_7:vip', rev: '1-t', doc: { _id: 'tag:m_7:vip', type: 'tag', memberId: 'm_7', tag: 'vip', by: 'alice', at: 1 } as unknown as ShadowRow['doc'] };
    await packShadows(state, [order(1), ...members, tag]);

    // Three packs of members (a lookup decodes at most MEMBER_PACK_SIZE of them), one of the order; the tag alone.
    expect(await state.packs.count()).toBe(4);
    expect((await state.packs.toArray()).map((p) => p.shadows.length).sort((a, b) => a - b)).toEqual([1, 5, MEMBER_PACK_SIZE, MEMBER_PACK_SIZE]);
    expect((await state.shadow.toArray()).map((s) => s.id)).toEqual(['tag:m_7:vip']);
    expect((await shadowsOf(state, ['member:m_44', 'member:m_0', 'member:m_99'])).map((s) => (s?.doc?.type === 'member' ? s.doc.memberId : undefined))).toEqual(['m_44', 'm_0', undefined]);
    expect((await shadowIdsWithPrefix(state, 'member:')).sort()).toEqual(members.map((m) => m.id).sort());
    expect((await shadowsWithPrefix(state, ['member:m_4', 'tag:m_7:'])).map((s) => s.id)).toEqual(['member:m_4', 'member:m_40', 'member:m_41', 'member:m_42', 'member:m_43', 'member:m_44', 'tag:m_7:vip']);
    await dropShadows(state, ['member:m_44', 'tag:m_7:vip']);
    expect((await shadowsOf(state, ['member:m_44', 'member:m_43', 'tag:m_7:vip'])).map((s) => s?.id)).toEqual([undefined, 'member:m_43', undefined]);
  });

  it("replace a member's placeholder written mid-join", async () => {
    const state = fresh();
    await state.shadow.put(member(2, ''));
    await packShadows(state, [order(1, '1-z'), member(2, '1-z')]);
    expect((await shadowsOf(state, ['order:o1', 'member:m_2'])).map((s) => s?.rev)).toEqual(['1-z', '1-z']);
  });
});

describe('a profile whose shadows were kept before packs', () => {
  it('opens with its shadows and unsent changes as they were', async () => {
    const factory = new IDBFactory();
    const name = `old-${Math.random()}`;
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ shadow: 'id', outbox: 'key, table', meta: 'key' });
    const identity = identityDocFromRow(identityRow({ id: 'demo:handle:lin', memberId: 'm_1' }), undefined, 'alice', 5);
    await old.table('shadow').bulkPut([order(1, '4-d'), { id: identity._id, rev: '2-e', doc: identity }]);
    await old.table('outbox').put({ key: outboxKey('orders', 'o1'), table: 'orders', rowKey: 'o1', mark: 1 });
    await old.table('meta').put({ key: 'checkpoint', value: '17' });
    old.close();

    const state = fresh(factory, name);
    expect((await shadowsOf(state, ['order:o1', identity._id])).map((s) => s?.rev)).toEqual(['4-d', '2-e']);
    expect(await shadowIdsWithPrefix(state, 'identity:')).toEqual([identity._id]);
    expect(await state.outbox.toArray()).toEqual([{ key: outboxKey('orders', 'o1'), table: 'orders', rowKey: 'o1', mark: 1 }]);
    expect((await state.meta.get('checkpoint'))?.value).toBe('17');
  });
});
