import { describe, expect, it } from 'vitest';
import { decodeMembers, eachMember, encodeMembers, memberIds, type FactMember } from './member-columns';

const member = (over: Partial<FactMember>): FactMember => ({ id: 'm1', tierId: 'member', currency: 'USD', tags: [], orderCount: 0, spendMinor: 0, averageOrderMinor: 0, doNotContact: false, profile: {}, ...over });

describe('member columns', () => {
  it('give back exactly the members they were made from', () => {
    const members = [
      member({ id: 'm_a', tierId: 'gold', tags: ['gift', 'VIP', '回头客'], orderCount: 12, spendMinor: 123_456, averageOrderMinor: 10_288, firstOrderAt: 1_600_000_000_000, lastOrderAt: 1_700_000_000_000, doNotContact: true, profile: { birthday: '02-29' } }),
      member({ id: 'm_b', currency: 'JPY', spendMinor: 0.5 }),
      member({ id: 'm:c/with odd|chars', tierId: 'gold', tags: ['gift'], profile: { birthday: '1990-07-04' } }),
    ];
    const back = decodeMembers(structuredClone(encodeMembers(members)));
    expect(back).toEqual(members);
    expect(back[1]!.firstOrderAt).toBeUndefined();
  });

  it('keep each member’s points adjustment and per-category last orders; columns kept before them read as none', () => {
    const members = [
      member({ id: 'a', pointsAdjustment: -40, categoryLastAt: { Tea: 1_700_000_000_000, '': 1_690_000_000_000 } }),
      member({ id: 'b' }),
      member({ id: 'c', categoryLastAt: { Tea: 1_710_000_000_000 } }),
    ];
    const columns = encodeMembers(members);
    const back = decodeMembers(structuredClone(columns));
    expect(back).toEqual(members);
    const seen: FactMember[] = [];
    eachMember(columns, memberIds(columns), (m) => seen.push({ ...m }));
    expect(seen).toEqual(back);
    const { pointsAdjustment: _p, catStart: _s, categories: _c, catAt: _a, categoryNames: _n, ...older } = columns;
    expect(decodeMembers(older).map((m) => [m.pointsAdjustment, m.categoryLastAt])).toEqual(
      [[undefined, undefined], [undefined, undefined], [undefined, undefined]],
    );
  });

  it('visiting only some shows just those, at their own index', () => {
    const members = [member({ id: 'a' }), member({ id: 'b', tags: ['x'] }), member({ id: 'c', doNotContact: true })];
    const columns = encodeMembers(members);
    const seen: [string, number, boolean][] = [];
    eachMember(columns, memberIds(columns), (m, i) => seen.push([m.id, i, m.doNotContact]), Uint8Array.of(0, 0, 1));
    expect(seen).toEqual([['c', 2, true]]);
  });

  it('visiting them one by one shows each member as decoding does', () => {
    const members = [member({ id: 'a', tags: ['gift'], profile: { birthday: '01-02' }, lastOrderAt: 5 }), member({ id: 'b' }), member({ id: 'c', tags: ['x', 'y'], doNotContact: true })];
    const columns = encodeMembers(members);
    const seen: FactMember[] = [];
    eachMember(columns, memberIds(columns), (m) => seen.push({ ...m }));
    expect(seen).toEqual(decodeMembers(columns));
  });

  it('a damaged column is refused', () => {
    const columns = encodeMembers([member({ id: 'a' }), member({ id: 'b' })]);
    expect(() => memberIds({ ...columns, spendMinor: new Float64Array(1) })).toThrow(/spendMinor/);
  });

  it('an empty store is an empty list', () => {
    expect(decodeMembers(encodeMembers([]))).toEqual([]);
  });

  it('columns that do not add up are refused, not misread', () => {
    const columns = encodeMembers([member({ id: 'a' }), member({ id: 'b' })]);
    expect(() => decodeMembers({ ...columns, count: 3 })).toThrow(/2 ids for 3 members/);
  });
});
