import { afterEach, describe, expect, it } from 'vitest';
import { dropWarm, keepWarm, sessionCache } from './import-cache';
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
