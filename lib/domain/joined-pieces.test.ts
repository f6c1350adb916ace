import { describe, expect, it } from 'vitest';
import { joinedUnitsInPieces } from './joined-pieces';
import { TextPool } from './text-pool';

/** The pieces of `ids` joined by NUL, made from a text pool's code units (as the order ledger's save makes them). */
const pieces = (ids: string[], max: number) => {
  const pool = new TextPool();
  ids.forEach((id, k) => pool.set(k, id));
  return [...joinedUnitsInPieces(ids.length, (k) => pool.unitsAt(k), (k, out, at) => pool.unitsInto(k, out, at), '\u0000').stringPieces(max)];
};

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

  it('keeps every kind of string as it was: two-byte (Chinese), long, empty, a lone surrogate, beyond one piece buffer', () => {
    const ids = ['taobao:订单-2026-0001', 'x'.repeat(300), '', 'etsy:\uD800x', '长'.repeat(200), 'shopee:#1', ''];
    const whole = ids.join('\u0000');
    for (const max of [1, 3, 50, 8192, 20_000]) {
      const got = pieces(ids, max);
      expect(got.join('')).toBe(whole);
      expect(got.slice(0, -1).every((p) => p.length === max)).toBe(true);
    }
    // More text than one String.fromCharCode call takes at once.
    const many = Array.from({ length: 20_000 }, (_, i) => `shopify:#${i}`);
    expect(pieces(many, 100_000).join('')).toBe(many.join('\u0000'));
  });

  it('an empty list is no piece, one string is itself, and a string longer than the limit is cut', () => {
    expect(pieces([], 10)).toEqual([]);
    expect(pieces(['abc'], 10)).toEqual(['abc']);
    expect(pieces(['abcdefghij', 'k'], 4)).toEqual(['abcd', 'efgh', 'ij\u0000k']);
  });
});
