import { describe, expect, it } from 'vitest';
import { JOURNAL_MAX_KEYS, journalAfter, writtenSince, type Journal } from './journal';

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('the journal of a table', () => {
  const ab: Journal = journalAfter(journalAfter(undefined, undefined, 'a', ['x']), 'a', 'b', ['m1', 'm2']);

  it.each([
    ['the mark it was built at: nothing written since', 'b', []],
    ['an older mark: the keys written since', 'a', ['m1', 'm2']],
    ['a mark it never saw: it cannot tell', 'zz', undefined],
  ] as const)('asked from %s', (_case, since, expected) => {
    const got = writtenSince(ab, since);
    expect(got && [...got]).toEqual(expected);
  });

  it.each([
    ['a range deleted (a table cleared)', 'b', null],
    ['a write bigger than it keeps', 'b', keys(JOURNAL_MAX_KEYS + 1)],
    ['a write it missed (it ends at another mark)', 'other', ['m3']],
  ] as const)('after %s it starts again at the new mark', (_case, previous, written) => {
    const next = journalAfter(ab, previous, 'c', written);
    expect(writtenSince(next, 'a')).toBeUndefined();
    expect(writtenSince(next, 'c')).toEqual(new Set());
  });

  it('forgets its oldest writes past the keys it keeps, and can no longer bring those marks up to date', () => {
    let j = journalAfter(undefined, undefined, 'm0', []);
    for (let i = 1; i <= 4; i++) j = journalAfter(j, `m${i - 1}`, `m${i}`, keys(JOURNAL_MAX_KEYS / 2, `w${i}:`));
    expect(writtenSince(j, 'm1')).toBeUndefined();
    expect(writtenSince(j, 'm2')?.size).toBe(JOURNAL_MAX_KEYS);
    expect(writtenSince(j, 'm3')?.size).toBe(JOURNAL_MAX_KEYS / 2);
  });
});
