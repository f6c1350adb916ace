import { describe, expect, it } from 'vitest';
import { KnownOrders, orderKey } from './known-orders';

describe('the orders an import cache knows the store holds', () => {
  it('answers for 100k orders what a Set of their ids and a Map of their digests did, however its table grows', () => {
    const known = new KnownOrders();
    const ids = new Set<string>();
    const digests = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const id = `shopify:#${100_000 + i}`;
      if (i % 3 === 0) {
        known.add(id);
        ids.add(id);
      } else {
        known.setDigest(id, i * 7919);
        ids.add(id);
        digests.set(id, i * 7919);
      }
    }
    for (let i = 0; i < 100_000; i += 5) {
      known.forgetDigest(`shopify:#${100_000 + i}`);
      digests.delete(`shopify:#${100_000 + i}`);
    }
    expect(known.size).toBe(ids.size);
    const answers = (id: string) => known.mayExist(id) && known.digest(id) === digests.get(id) && known.digestByKey(orderKey(id)) === digests.get(id);
    const differing = [...ids].filter((id) => !answers(id));
    expect(differing).toEqual([]);
    let strangers = 0;
    for (let i = 0; i < 50_000; i++) if (known.mayExist(`shopee:#${i}`)) strangers++;
    expect(strangers).toBe(0);
  });

  it('an order named again keeps one slot, and its digest until it is forgotten', () => {
    const known = new KnownOrders();
    known.setDigest('shopify:#1001', 42);
    known.add('shopify:#1001');
    expect(known.size).toBe(1);
    expect(known.digest('shopify:#1001')).toBe(42);
    known.forgetDigests();
    expect(known.digest('shopify:#1001')).toBeUndefined();
    expect(known.mayExist('shopify:#1001')).toBe(true);
  });

  it('once not complete (a range of orders deleted), every order may be stored', () => {
    const known = new KnownOrders();
    expect(known.mayExist('shopify:#1')).toBe(false);
    known.complete = false;
    expect(known.mayExist('shopify:#1')).toBe(true);
  });
});
