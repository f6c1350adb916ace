import { describe, expect, it } from 'vitest';
import { TextMap } from './text-map';

describe('a map of strings to a few strings, kept as bytes', () => {
  it('answers as a Map of the same writes does, for 50k keys', () => {
    const map = new Map<string, string>();
    const text = new TextMap();
    const tiers = ['regular', 'silver', 'gold', '金卡'];
    for (let i = 0; i < 50_000; i++) {
      const [key, tier] = [`m_${i.toString(36)}`, tiers[i % tiers.length]!];
      map.set(key, tier);
      text.set(key, tier);
    }
    for (let i = 0; i < 50_000; i += 7) {
      map.set(`m_${i.toString(36)}`, 'gold');
      text.set(`m_${i.toString(36)}`, 'gold');
    }
    for (let i = 0; i < 50_000; i += 11) {
      map.delete(`m_${i.toString(36)}`);
      expect(text.delete(`m_${i.toString(36)}`)).toBe(true);
    }
    expect(text.delete('m_0')).toBe(false);
    expect(text.size).toBe(map.size);
    expect([...text]).toEqual([...map]);
    expect([...map.keys()].filter((k) => text.get(k) !== map.get(k) || !text.has(k))).toEqual([]);
    expect(text.get('m_0')).toBeUndefined();
    expect(text.has('nobody')).toBe(false);
    // A deleted key set again counts once more and keeps its first place.
    text.set('m_0', 'silver');
    expect(text.size).toBe(map.size + 1);
    expect([...text.keys()][0]).toBe('m_0');
    text.clear();
    expect([text.size, [...text], text.get('m_1')]).toEqual([0, [], undefined]);
  });
});
