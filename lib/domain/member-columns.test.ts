import { describe, expect, it } from 'vitest';
import { decodeMembers, decodePlatforms, eachMember, encodeMembers, encodePlatforms, memberIds, type FactMember } from './member-columns';

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
    expect(decodePlatforms(structuredClone(encodePlatforms(map)))).toEqual(map);
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
    const decoded = decodePlatforms(structuredClone(encodePlatforms(map)));
    expect(decoded).toEqual(map);
    expect(decoded.get('m_a')).toBe(decoded.get('m_b'));
    expect(decoded.get('m_c')).not.toBe(decoded.get('m_a'));
    expect(decoded.get('m_f')).not.toBe(decoded.get('m_g'));
  });
});
