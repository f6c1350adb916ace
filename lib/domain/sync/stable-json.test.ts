import { describe, expect, it } from 'vitest';
import { stableJson } from './stable-json';

/** The definition it replaced: JSON.stringify rebuilding every object with its keys sorted. */
const byReplacer = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

describe('stableJson', () => {
  it.each<[string, unknown]>([
    ['an order row and its stamp', [{ id: 'demo:B1', memberId: 'm_1', amountMinor: 1000, items: [{ title: '围巾', quantity: 1 }], paidAt: undefined, status: 'paid' }, { at: 5, by: 'alice' }]],
    ['keys set in another order', { b: 1, a: { d: [1, 2], c: 'x' } }],
    ['integer-like keys (kept first, in numeric order, as any object keeps them)', { b: 1, 10: 'ten', 2: 'two', '01': 'not an index', a: 0 }],
    ['undefined, NaN and Infinity', { a: undefined, b: [undefined, NaN, Infinity, -0], c: null }],
    ['strings needing escapes', { 'q"uote': 'line\nbreak \u2028 \\ "x"', emoji: '🧣' }],
    ['a date (its toJSON) and an empty object', { at: new Date(0), empty: {}, list: [] }],
    ['a top-level string, number, boolean and null', ['x', 1.5, true, null]],
  ])('gives the text JSON.stringify gives with sorted keys: %s', (_name, value) => {
    expect(stableJson(value)).toBe(byReplacer(value));
  });

  it('is the same for the same content whatever order its keys were set in', () => {
    expect(stableJson({ a: 1, b: { c: 2, d: 3 } })).toBe(stableJson({ b: { d: 3, c: 2 }, a: 1 }));
  });
});
