import { describe, expect, it } from 'vitest';
import { decodePlatforms, encodePlatforms, membersOnPlatforms, readPlatforms } from './platform-columns';

describe('platform columns', () => {
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
