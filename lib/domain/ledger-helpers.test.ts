import { describe, expect, it } from 'vitest';
import { itemsKey, itemsOfKey, sortRange } from './ledger-helpers';

describe('a range of a typed array sorted in place', () => {
  it('sorts only the range, few items or many, ties as the comparison says, and leaves the rest', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 50;
    for (const n of [0, 1, 2, 5, 16, 17, 40, 300]) {
      const a = Uint32Array.from({ length: n + 10 }, random);
      const before = [...a];
      // By value, ties by nothing: any order of equal values is sorted; the values must match.
      const byValue = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
      sortRange(a, 4, n, byValue);
      expect([...a.subarray(0, 4)]).toEqual(before.slice(0, 4));
      expect([...a.subarray(4 + n)]).toEqual(before.slice(4 + n));
      expect([...a.subarray(4, 4 + n)]).toEqual(before.slice(4, 4 + n).sort((x, y) => x - y));
    }
  });
});

describe("an order's kind of items", () => {
  it('keeps only its distinct categories, and reads back as one shared array per kind', () => {
    const key = itemsKey([{ category: 'tea' }, {}, { category: 'tea' }]);
    expect(itemsOfKey(key)).toEqual([{ category: 'tea' }, {}]);
    expect(itemsOfKey(key)).toBe(itemsOfKey(key));
    expect(itemsOfKey(itemsKey(undefined))).toBeUndefined();
  });
});
