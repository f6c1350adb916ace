import { describe, expect, it } from 'vitest';
import type { IdentityRow, MemberRow } from '@/lib/domain/rows';
import { rfmBreaks } from '@/lib/domain/rfm';
import { rfmSegmentOf } from '@/lib/domain/segments';
import { everyone, MemberList } from './member-list';
import { columnComparators, sortRows } from '../../components/members/table-columns';

const member = (id: string, displayName: string, over: Partial<MemberRow> = {}): MemberRow => ({ id, displayName, tierId: 'regular', tags: [], profile: {}, doNotContact: false, createdAt: 0, updatedAt: 0, orderCount: 0, spendMinor: 0, currency: 'USD', spendOrderCount: 0, averageOrderMinor: 0, ...over });
const identity = (memberId: string, kind: IdentityRow['kind'], value: string, display = value, platform = 'shopee'): IdentityRow => ({ id: `${kind}:${value}`, platform: kind === 'handle' ? (platform as IdentityRow['platform']) : '*', kind, value, display, memberId, linkedBy: 'created', createdAt: 0 });
const CTX = { now: 0, timeZone: 'UTC', rfmBreaks: null };
const ids = (list: MemberList, indices: Uint32Array) => Array.from(indices, (i) => list.id(i));

const list = MemberList.build(
  [member('a', 'Lily Chen'), member('b', '王小明')],
  [identity('a', 'handle', 'lily_chen'), identity('a', 'phone', '+6591234567', '+65 9123 4567'), identity('b', 'handle', 'xiaoming88'), identity('b', 'email', 'wxm@example.com')],
  CTX,
);

describe('searching the members table', () => {
  it.each([
    ['a name, any case', 'lily', ['a']],
    ['a Chinese name', '小明', ['b']],
    ['a handle with its @', '@xiaoming', ['b']],
    ['a phone typed with spaces', '9123 45', ['a']],
    ['a phone with its country code', '+65 9123', ['a']],
    ['an e-mail', 'wxm@', ['b']],
    ['nothing typed shows everyone', '  ', ['a', 'b']],
    ['someone not on file', 'nobody', []],
  ])('by %s', (_name, query, expected) => {
    expect(ids(list, list.search(everyone(list), query))).toEqual(expected);
  });

  it('a match is one member’s own text, never the end of one and the start of the next; each member once', () => {
    const two = MemberList.build([member('a', 'Ann'), member('b', 'Bo'), member('c', 'Annabel Ann')], [], CTX);
    expect(ids(two, two.search(everyone(two), 'annbo'))).toEqual([]);
    expect(ids(two, two.search(everyone(two), 'ann'))).toEqual(['a', 'c']);
    // Only among the members given (a segment's), in their order.
    expect(ids(two, two.search(Uint32Array.of(2, 1), 'ann'))).toEqual(['c']);
  });
});

describe('the list holds each member’s own values', () => {
  it('as the table shows them', () => {
    const rows = MemberList.build(
      [
        member('c', 'Ana', { tags: ['vip', 'gift'], profile: { birthday: '03-14', phone: '+1 555 0100' }, tierId: 'gold', currency: 'SGD', orderCount: 3, spendMinor: 9_000, averageOrderMinor: 3_000, firstOrderAt: 1_600_000_000_000, lastOrderAt: 1_700_000_000_000, doNotContact: true }),
        member('d', 'Bo'),
      ],
      [identity('c', 'handle', 'ana_sg'), identity('c', 'handle', 'ana-etsy', 'Ana on Etsy', 'etsy'), identity('d', 'phone', '+6580000000', '+65 8000 0000')],
      CTX,
    );
    const at = (i: number) => [
      rows.id(i),
      rows.name(i),
      rows.handles(i),
      rows.phone(i),
      rows.tierId(i),
      rows.currency(i),
      rows.tags(i),
      rows.orderCount(i),
      rows.spendMinor(i),
      rows.averageOrderMinor(i),
      rows.firstOrderAt(i),
      rows.lastOrderAt(i),
      rows.doNotContact(i),
      rows.segment(i),
    ];
    expect(at(0)).toEqual(['c', 'Ana', 'ana_sg, Ana on Etsy', '+1 555 0100', 'gold', 'SGD', ['vip', 'gift'], 3, 9_000, 3_000, 1_600_000_000_000, 1_700_000_000_000, true, 'none']);
    expect(at(1)).toEqual(['d', 'Bo', '', '+65 8000 0000', 'regular', 'USD', [], 0, 0, 0, undefined, undefined, false, 'none']);
    expect(rows.indexOf('d')).toBe(1);
    expect(rows.indexOf('zz')).toBeUndefined();
    expect(rows.members().map((m) => [m.id, m.tierId, m.profile.birthday])).toEqual([['c', 'gold', '03-14'], ['d', 'regular', undefined]]);
  });
});

describe('ids and names packed in one string each', () => {
  it('reads every member back, and finds a member by its whole id only', () => {
    const rows = MemberList.build([member('ab', 'Ann'), member('b', ''), member('ba', 'Bo b'), member('c', 'C')], [], CTX);
    expect(Array.from(everyone(rows), (i) => [rows.id(i), rows.name(i)])).toEqual([['ab', 'Ann'], ['b', ''], ['ba', 'Bo b'], ['c', 'C']]);
    // 'b' is also the end of 'ab' and the start of 'ba': only the member whose id it is.
    expect(['ab', 'b', 'ba', 'c', 'a', 'bab', 'abb', ''].map((id) => rows.indexOf(id))).toEqual([0, 1, 2, 3, undefined, undefined, undefined, undefined]);
    expect(rows.members().map((m) => m.id)).toEqual(['ab', 'b', 'ba', 'c']);
  });

  it('a list of one member, and of none', () => {
    const one = MemberList.build([member('m_1', 'Solo')], [], CTX);
    expect([one.id(0), one.name(0), one.indexOf('m_1'), one.indexOf('m_')]).toEqual(['m_1', 'Solo', 0, undefined]);
    const none = MemberList.build([], [], CTX);
    expect([none.count, none.indexOf('m_1'), none.members()]).toEqual([0, undefined, []]);
  });
});

describe('filtering the list', () => {
  const rows = MemberList.build(
    [member('a', 'A', { tierId: 'gold' }), member('b', 'B', { tierId: 'gold', tags: ['VIP'] }), member('c', 'C'), member('d', 'D', { doNotContact: true })],
    [identity('a', 'handle', 'a1'), identity('b', 'handle', 'b1', 'b1', 'etsy'), identity('b', 'handle', 'b2', 'b2', 'shopee'), identity('c', 'handle', 'c1', 'c1', 'demo')],
    CTX,
  );

  it('gives the members a filter selects, in list order', () => {
    expect(ids(rows, rows.filter({ tiers: ['gold'] }, CTX))).toEqual(['a', 'b']);
    expect(ids(rows, rows.filter({ tags: { any: ['vip'] } }, CTX))).toEqual(['b']);
    expect(ids(rows, rows.filter({ doNotContact: 'exclude' }, CTX))).toEqual(['a', 'b', 'c']);
    expect(ids(rows, rows.filter({}, CTX))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('on platforms, by the platforms of each member’s handles, with the rest of the filter', () => {
    expect(ids(rows, rows.filter({ platforms: ['shopee'] }, CTX))).toEqual(['a', 'b']);
    expect(ids(rows, rows.filter({ platforms: ['etsy', 'demo'] }, CTX))).toEqual(['b', 'c']);
    expect(ids(rows, rows.filter({ platforms: ['demo'], tiers: ['gold'] }, CTX))).toEqual([]);
    expect(ids(rows, rows.filter({ platforms: ['lazada'] }, CTX))).toEqual([]);
  });

  it('scores each member’s RFM segment once, when the list is made, as segments score it', () => {
    const day = 86_400_000;
    const now = 1_000 * day;
    const members = Array.from({ length: 40 }, (_, k) => member(`m${k}`, `M${k}`, { orderCount: 1 + (k % 7), spendMinor: 1_000 * (k + 1), lastOrderAt: now - ((k * 37) % 400) * day }));
    const ctx = { now, timeZone: 'UTC', rfmBreaks: rfmBreaks(members, now, 'UTC') };
    const scored = MemberList.build(members, [], ctx);
    expect(members.map((_, i) => scored.segment(i))).toEqual(members.map((m) => rfmSegmentOf(m, ctx)));
    expect(new Set(members.map((_, i) => scored.segment(i))).size).toBeGreaterThan(2);
    const champions = members.filter((m) => rfmSegmentOf(m, ctx) === 'champions').map((m) => m.id);
    expect(champions.length).toBeGreaterThan(0);
    expect(ids(scored, scored.filter({ rfm: ['champions'] }, ctx))).toEqual(champions);
  });
});

describe('sorting the members table', () => {
  const spend = (id: string, spendMinor: number, displayName = id) => member(id, displayName, { spendMinor });
  const rows = MemberList.build([spend('a', 500, 'bea'), spend('b', 900, 'Al'), spend('c', 500, 'cy'), spend('d', 100, 'Ana'), spend('e', 100, 'ana')], [], CTX);
  const compare = columnComparators(rows, []);
  const all = everyone(rows);

  it('sorts either way, ties keeping the order they came in', () => {
    expect(ids(rows, sortRows(all, [{ id: 'spend', desc: true }], compare))).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(ids(rows, sortRows(all, [{ id: 'spend', desc: false }], compare))).toEqual(['d', 'e', 'a', 'c', 'b']);
    expect(Array.from(sortRows(all, [{ id: 'name', desc: false }], compare), (i) => rows.name(i))).toEqual(['Al', 'Ana', 'ana', 'bea', 'cy']);
    expect(Array.from(sortRows(Uint32Array.of(4, 3, 0), [{ id: 'name', desc: false }], compare), (i) => rows.name(i))).toEqual(['ana', 'Ana', 'bea']);
    expect(Array.from(sortRows(all, [{ id: 'name', desc: true }], compare), (i) => rows.name(i))).toEqual(['cy', 'bea', 'Ana', 'ana', 'Al']);
  });

  it('leaves the rows as they are with no sort, or a column that does not sort, and never changes the list given', () => {
    expect(sortRows(all, [], compare)).toBe(all);
    expect(sortRows(all, [{ id: 'tags', desc: false }], compare)).toBe(all);
    sortRows(all, [{ id: 'spend', desc: true }], compare);
    expect(ids(rows, all)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('sorts tiers by the ladder, not by name', () => {
    const tiered = MemberList.build([member('a', 'A', { tierId: 'gold' }), member('b', 'B', { tierId: 'silver' }), member('c', 'C', { tierId: 'gone' })], [], CTX);
    const ladder = [{ id: 'silver', name: 'Silver', color: '#999' }, { id: 'gold', name: 'Gold', color: '#c90' }];
    expect(ids(tiered, sortRows(everyone(tiered), [{ id: 'tier', desc: true }], columnComparators(tiered, ladder)))).toEqual(['a', 'b', 'c']);
  });
});
