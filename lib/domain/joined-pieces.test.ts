import { describe, expect, it } from 'vitest';
import { joinedInPieces } from './joined-pieces';

const pieces = (ids: string[], max: number) => [...joinedInPieces(ids.length, (k) => ids[k]!, '\u0000').stringPieces(max)];

describe('a joined text made a piece at a time', () => {
  it('gives the pieces slicing the joined text would give, each at most the limit', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `shopify:#${1000 + i * 37}`);
    const whole = ids.join('\u0000');
    for (const max of [1, 7, 64, 1000, whole.length, whole.length + 5]) {
      const got = pieces(ids, max);
      expect(got.join('')).toBe(whole);
      expect(got.every((p) => p.length <= max)).toBe(true);
      expect(got.slice(0, -1).every((p) => p.length === max)).toBe(true);
    }
  });

  it('an empty list is no piece, one string is itself, and a string longer than the limit is cut', () => {
    expect(pieces([], 10)).toEqual([]);
    expect(pieces(['abc'], 10)).toEqual(['abc']);
    expect(pieces(['abcdefghij', 'k'], 4)).toEqual(['abcd', 'efgh', 'ij\u0000k']);
  });
});
