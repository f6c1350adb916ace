import { describe, expect, it } from 'vitest';
import { KnownIdentities } from './known-identities';

describe('the identities an import cache knows', () => {
  it('answers for 100k identities what a Map of their ids did, however its table grows', () => {
    const known = new KnownIdentities();
    const map = new Map<string, string>();
    for (let i = 0; i < 50_000; i++) {
      for (const id of [`any:email:buyer${i}@example.com`, `any:phone:+1415${1_000_000 + i}`]) {
        known.set(id, `m_${i}`);
        map.set(id, `m_${i}`);
      }
    }
    // An identity moved to another member (an unmerge) answers with the new one.
    for (let i = 0; i < 50_000; i += 9) {
      known.set(`any:email:buyer${i}@example.com`, `m_x${i}`);
      map.set(`any:email:buyer${i}@example.com`, `m_x${i}`);
    }
    expect(known.size).toBe(map.size);
    expect([...map].filter(([id, member]) => known.get(id) !== member || !known.has(id))).toEqual([]);
    const strangers = Array.from({ length: 50_000 }, (_, i) => `shopee:handle:buyer${i}`).filter((id) => known.has(id) || known.get(id) !== undefined);
    expect(strangers).toEqual([]);
  });

  it('forgets everything once cleared', () => {
    const known = new KnownIdentities();
    known.set('shopify:handle:mei', 'm_1');
    known.clear();
    expect(known.size).toBe(0);
    expect(known.get('shopify:handle:mei')).toBeUndefined();
    known.set('shopify:handle:mei', 'm_2');
    expect(known.get('shopify:handle:mei')).toBe('m_2');
  });
});
