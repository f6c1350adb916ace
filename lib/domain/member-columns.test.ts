import { describe, expect, it } from 'vitest';
import { decodeMembers, decodePlatforms, eachMember, encodeMembers, encodePlatforms, memberIds, membersOnPlatforms, readPlatforms, type FactMember } from './member-columns';

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
    expect(decodeMembers(older).map((m) => [m.pointsAdjustment, m.categoryLastAt])).toEqual([[undefined, undefined], [undefined, undefined], [undefined, undefined]]);
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

  it('platforms per member round-trip', () => {
    const map = new Map([['m_a', new Set(['shopee', 'demo'])], ['m_b', new Set<string>()], ['m_c', new Set(['etsy'])]]);
    expect(decodePlatforms(readPlatforms(structuredClone(encodePlatforms(map))))).toEqual(map);
  });

  it('members with the same platforms share one set, in any order, and past 31 platform names too', () => {
    const many = Array.from({ length: 40 }, (_, i) => `site${i}`);
    const map = new Map<string, Set<string>>([
      ['m_a', new Set(['shopee', 'etsy'])],
      ['m_b', new Set(['etsy', 'shopee'])],
      ['m_c', new Set(['etsy'])],
      ['m_d', new Set(many)],
      ['m_e', new Set([...many].reverse())],
      ['m_f', new Set(['site39'])],
      ['m_g', new Set(['site39', 'shopee'])],
    ]);
    const decoded = decodePlatforms(readPlatforms(structuredClone(encodePlatforms(map))));
    expect(decoded).toEqual(map);
    expect(decoded.get('m_a')).toBe(decoded.get('m_b'));
    expect(decoded.get('m_c')).not.toBe(decoded.get('m_a'));
    expect(decoded.get('m_f')).not.toBe(decoded.get('m_g'));
  });

  it('platforms are kept in member id order, and a record out of that order is refused (scanned again)', () => {
    const map = new Map([['m_z', new Set(['etsy'])], ['m_a', new Set(['demo'])], ['m_M', new Set(['shopee'])]]);
    const columns = encodePlatforms(map);
    expect(columns.ids.split('\u0000')).toEqual(['m_M', 'm_a', 'm_z']);
    expect(() => readPlatforms({ ...columns, ids: ['m_z', 'm_a', 'm_M'].join('\u0000') })).toThrow(/member id order/);
    expect(() => readPlatforms({ ...columns, count: 4 })).toThrow(/3 ids for 4 members/);
    expect(() => readPlatforms({ ...columns, platforms: columns.platforms.subarray(1) })).toThrow(/one list per member/);
  });

  it('members on the wanted platforms are marked by their index, in order or not', () => {
    const map = new Map([
      ['m_b', new Set(['shopee', 'demo'])],
      ['m_d', new Set(['etsy'])],
      ['m_e', new Set<string>()],
      ['m_f', new Set(['demo'])],
    ]);
    const kept = readPlatforms(encodePlatforms(map));
    // Member columns hold every member, most of them with no handle at all (a, c, g).
    const ids = ['m_a', 'm_b', 'm_c', 'm_d', 'm_e', 'm_f', 'm_g'];
    expect([...membersOnPlatforms(kept, ids, ['demo'])]).toEqual([0, 1, 0, 0, 0, 1, 0]);
    expect([...membersOnPlatforms(kept, ids, ['etsy', 'shopee'])]).toEqual([0, 1, 0, 1, 0, 0, 0]);
    expect([...membersOnPlatforms(kept, ids, ['lazada'])]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Ids out of order (not how member columns are kept, but never a wrong answer).
    const shuffled = ['m_f', 'm_a', 'm_d', 'm_b', 'm_g'];
    expect([...membersOnPlatforms(kept, shuffled, ['demo', 'etsy'])]).toEqual([1, 0, 1, 1, 0]);
    expect([...membersOnPlatforms(readPlatforms(encodePlatforms(new Map())), ids, ['demo'])]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
