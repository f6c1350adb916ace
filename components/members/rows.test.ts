import { describe, expect, it } from 'vitest';
import type { IdentityRow, MemberRow } from '@/lib/db/rows';
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
