import { afterEach, describe, expect, it } from 'vitest';
import { cacheBytes, dropWarm, keepWarm, sessionCache } from './import-cache';
import { importOrders } from './import-orders';
import { memoryDb, NOW, order } from '../test-helpers';

afterEach(() => dropWarm());

describe('an import session kept warm for the next import', () => {
  it('holds no member rows once its session ended (a row per member of the file, which its end may have rewritten)', async () => {
    const db = memoryDb(undefined, undefined, 'warm-members');
    const cache = await sessionCache(db, 'session-w1', 'import:session-w1');
    await importOrders(db, [order({ orderNo: 'w1', buyer: { handle: 'wu' } }), order({ orderNo: 'w2', buyer: { handle: 'xi' } })], NOW, cache);
    expect(cache.deferred!.pending.size).toBe(2);
    keepWarm(cache);
    expect(cache.members.size).toBe(0);
    expect(cache.deferred).toBeUndefined();
    // What makes the next session fast stays: every identity and order id of the store.
    expect(cache.identities.size).toBe(2);
    expect(cache.orders?.size).toBe(2);
  });
});

describe('a cache bigger than the warm budget', () => {
  it('is not kept: the next session reads the store again, and still finds every identity and order', async () => {
    const db = memoryDb(undefined, undefined, 'warm-budget');
    const first = await sessionCache(db, 'session-b1', 'import:session-b1');
    await importOrders(db, [order({ orderNo: 'b1', buyer: { handle: 'wu' } }), order({ orderNo: 'b2', buyer: { handle: 'xi' } })], NOW, first);
    // Two tables of 4,096 slots at 16 B each, and the batch's two order keys.
    expect(cacheBytes(first)).toBeGreaterThanOrEqual(2 * 4096 * 16);
    keepWarm(first, cacheBytes(first) - 1);
    const next = await sessionCache(db, 'session-b2', 'import:session-b2');
    expect(next).not.toBe(first);
    expect(next.identities.size).toBe(2);
    expect(next.orders?.size).toBe(2);
  });

  it('within the budget, the same cache serves the next session', async () => {
    const db = memoryDb(undefined, undefined, 'warm-within');
    const first = await sessionCache(db, 'session-c1', 'import:session-c1');
    await importOrders(db, [order({ orderNo: 'c1', buyer: { handle: 'wu' } })], NOW, first);
    keepWarm(first, cacheBytes(first));
    expect(await sessionCache(db, 'session-c2', 'import:session-c2')).toBe(first);
  });
});
