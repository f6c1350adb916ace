import { describe, expect, it } from 'vitest';
import { WordList } from './word-list';

describe('WordList', () => {
  it('gives each word one index, in the order words first came', () => {
    const words = new WordList();
    expect(['CNY', 'USD', 'CNY', '人民币', 'USD'].map((w) => words.index(w))).toEqual([0, 1, 0, 2, 1]);
    expect(words.names).toEqual(['CNY', 'USD', '人民币']);
    expect(words.indexOf('USD')).toBe(1);
    expect(words.indexOf('EUR')).toBeUndefined();
    expect(words.word(2)).toBe('人民币');
    expect(words.size).toBe(3);
  });

  it('keeps the indexes of a saved list and adds after them, without changing the saved array', () => {
    const saved = ['paid', 'refunded'];
    const words = new WordList(saved);
    expect(words.index('refunded')).toBe(1);
    expect(words.index('cancelled')).toBe(2);
    expect(saved).toEqual(['paid', 'refunded']);
  });

  it('answers a word saved twice with its first index', () => {
    expect(new WordList(['a', 'b', 'a']).indexOf('a')).toBe(0);
  });
});
