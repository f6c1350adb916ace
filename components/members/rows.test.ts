import { describe, expect, it } from 'vitest';
import type { IdentityRow, MemberRow } from '@/lib/db/rows';
import { sortRows } from './members-table';
import { memberListRows, searchRows } from './rows';

const member = (id: string, displayName: string): MemberRow => ({ id, displayName, tierId: 'regular', tags: [], profile: {}, doNotContact: false, createdAt: 0, updatedAt: 0, orderCount: 0, spendMinor: 0, currency: 'USD', spendOrderCount: 0, averageOrderMinor: 0 });
const identity = (memberId: string, kind: IdentityRow['kind'], value: string, display = value): IdentityRow => ({ id: `${kind}:${value}`, platform: kind === 'handle' ? 'shopee' : '*', kind, value, display, memberId, linkedBy: 'created', createdAt: 0 });

const rows = memberListRows(
  [member('a', 'Lily Chen'), member('b', '王小明')],
  [identity('a', 'handle', 'lily_chen'), identity('a', 'phone', '+6591234567', '+65 9123 4567'), identity('b', 'handle', 'xiaoming88'), identity('b', 'email', 'wxm@example.com')],
  { now: 0, timeZone: 'UTC', rfmBreaks: null },
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
  ])('by %s', (_name, query, ids) => {
    expect(searchRows(rows, query).map((r) => r.m.id)).toEqual(ids);
  });
});

describe('the rows of 100k members share what repeats', () => {
  it('keeps every member’s own tags, profile, tier and currency', () => {
    const tagged = { ...member('c', 'Ana'), tags: ['vip', 'gift'], profile: { birthday: '03-14' }, tierId: 'gold', currency: 'SGD' };
    const plain = [member('d', 'Bo'), member('e', 'Cy')];
    const shared = memberListRows([tagged, ...plain], [identity('d', 'handle', 'bo'), identity('e', 'handle', 'cy')], { now: 0, timeZone: 'UTC', rfmBreaks: null });
    expect(shared.map((r) => [r.m.id, r.m.tags, r.m.profile, r.m.tierId, r.m.currency])).toEqual([
      ['c', ['vip', 'gift'], { birthday: '03-14' }, 'gold', 'SGD'],
      ['d', [], {}, 'regular', 'USD'],
      ['e', [], {}, 'regular', 'USD'],
    ]);
    // Members alike share one list of platforms and one empty tag list, which nothing may change.
    expect(shared[1]!.platforms).toBe(shared[2]!.platforms);
    expect(shared[1]!.m.tags).toBe(shared[2]!.m.tags);
    expect(Object.isFrozen(shared[1]!.m.tags)).toBe(true);
  });
});

describe('sorting the members table', () => {
  const spend = (id: string, spendMinor: number, displayName = id) => ({ ...member(id, displayName), spendMinor });
  const list = memberListRows([spend('a', 500, 'bea'), spend('b', 900, 'Al'), spend('c', 500, 'cy'), spend('d', 100, 'Ana')], [], { now: 0, timeZone: 'UTC', rfmBreaks: null });
  const bySpend = { spend: (x: (typeof list)[number], y: (typeof list)[number]) => x.m.spendMinor - y.m.spendMinor };
  const byName = { name: (x: (typeof list)[number], y: (typeof list)[number]) => (x.m.displayName.toLowerCase() < y.m.displayName.toLowerCase() ? -1 : 1) };

  it('sorts either way, ties keeping the order they came in', () => {
    expect(sortRows(list, [{ id: 'spend', desc: true }], bySpend).map((r) => r.m.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(sortRows(list, [{ id: 'spend', desc: false }], bySpend).map((r) => r.m.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortRows(list, [{ id: 'name', desc: false }], byName).map((r) => r.m.displayName)).toEqual(['Al', 'Ana', 'bea', 'cy']);
  });

  it('leaves the rows as they are with no sort, or a column that does not sort, and never changes the list given', () => {
    expect(sortRows(list, [], bySpend)).toBe(list);
    expect(sortRows(list, [{ id: 'tags', desc: false }], bySpend)).toBe(list);
    sortRows(list, [{ id: 'spend', desc: true }], bySpend);
    expect(list.map((r) => r.m.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
