import { describe, expect, it } from 'vitest';
import { committedChangesOf, keysOfRangeSet } from './committed-changes';

describe("committed changes read from Dexie's mutated parts", () => {
  it.each([
    ['single keys, also as a plain object from another context', { from: 'b', to: 'b', l: { from: 'a', to: 'a' }, r: { from: 'c', to: 'c' } }, ['a', 'b', 'c']],
    ['a real range means the whole table is read', { from: 'a', to: 'z' }, undefined],
    ['an empty set', {}, []],
  ] as const)('%s', (_name, set, keys) => {
    expect(keysOfRangeSet(set)?.sort()).toEqual(keys);
  });

  it("only the primary-key part of this database's shared tables", () => {
    const parts = { 'idb://regulars/members/': { from: 'm1', to: 'm1' }, 'idb://regulars/members/displayName': { from: 'x', to: 'x' }, 'idb://other/members/': { from: 'm2', to: 'm2' }, 'idb://regulars/caches/': { from: 'k', to: 'k' } };
    expect(committedChangesOf(parts, 'regulars', ['members'])).toEqual([{ table: 'members', keys: ['m1'] }]);
  });
});
