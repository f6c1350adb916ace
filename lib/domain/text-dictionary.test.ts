import { describe, expect, it } from 'vitest';
import { TextDictionary } from './text-dictionary';

describe('strings by index, kept as bytes', () => {
  it('gives each string one index, in the order they came, and hands each back as it was', () => {
    const dictionary = new TextDictionary();
    const names = ['m_1', '王小明', 'm_2', '', `m_${'x'.repeat(300)}`, 'Ünïcödé'];
    const indexes = names.map((n) => dictionary.index(n));
    expect(indexes).toEqual([0, 1, 2, 3, 4, 5]);
    expect(names.map((n) => dictionary.index(n))).toEqual(indexes);
    expect(indexes.map((i) => dictionary.name(i))).toEqual(names);
    expect(dictionary.size).toBe(names.length);
    expect(dictionary.indexOf('m_3')).toBeUndefined();
    expect(dictionary.indexOf('王小明')).toBe(1);
  });

  it('keeps the indexes of the strings it was made from, and finds 100k of them', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `m_${i.toString(36)}`);
    const dictionary = new TextDictionary(names);
    expect(dictionary.size).toBe(100_000);
    expect(names.filter((n, i) => dictionary.indexOf(n) !== i || dictionary.name(i) !== n)).toEqual([]);
    expect(dictionary.index('m-new')).toBe(100_000);
  });
});
