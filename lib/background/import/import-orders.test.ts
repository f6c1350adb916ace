import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../demo/seed';
import { memberStats } from '../../domain/stats';
import type { OrderStatus } from '../../domain/types';
import { importOrders } from './import-orders';
import { preloadedCache, releaseCache } from './import-cache';
import { statsAfter } from './member-refresh';
import type { OrderRow } from '../../domain/rows';
import { DAY, memoryDb, NOW, order } from '../test-helpers';

const STATUSES: OrderStatus[] = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'];

describe('member stats kept up incrementally', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('agree with a full recompute over random order changes (seed %i)', (seed) => {
    const rand = mulberry32(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const orders = new Map<string, OrderRow>();
    let stats = memberStats([], 'USD');
    for (let step = 0; step < 30; step++) {
      const id = `o${Math.floor(rand() * 8)}`;
      const before = orders.get(id);
      const after: OrderRow = {
        id, platform: 'demo', orderNo: id, memberId: 'm', buyer: 'b', items: [], updatedAt: 0,
        amountMinor: 100 + Math.floor(rand() * 900),
        currency: rand() < 0.1 ? 'EUR' : 'USD',
        status: pick(STATUSES),
        placedAt: before && rand() < 0.7 ? before.placedAt : NOW - Math.floor(rand() * 20) * DAY,
      };
      orders.set(id, after);
      const full = memberStats([...orders.values()], 'USD');
      // Where the shortcut answers, it must be exact; where it can't, it says so.
      stats = statsAfter(stats, [{ before, after }]) ?? full;
      expect(stats).toEqual(full);
    }
  });
});

describe('importing a file in batches', () => {
  it('gives the same store with a preloaded cache as without one, and re-import changes nothing', async () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      order({ orderNo: `b${i}`, buyer: { handle: `h${i % 13}`, phone: `+6580000${String(i % 11).padStart(3, '0')}` }, amountMinor: 100 * (i + 1), placedAt: NOW - i * DAY, status: i % 7 === 0 ? 'refunded' : 'delivered' }),
    );
    const plain = memoryDb();
    await importOrders(plain, rows, NOW);
    const cached = memoryDb(undefined, undefined, 'cached');
    const cache = await preloadedCache(cached);
    for (let i = 0; i < rows.length; i += 7) await importOrders(cached, rows.slice(i, i + 7), NOW, cache);
    const again = await importOrders(cached, rows, NOW, cache);
    releaseCache(cache);
    expect(again.orders).toEqual({ added: 0, updated: 0, unchanged: 60 });

    const shape = async (db: typeof plain) => {
      const members = await db.members.toArray();
      const byId = new Map(members.map((m) => [m.id, m]));
      const orders = await db.orders.toArray();
      return orders
        .map((o) => {
          const m = byId.get(o.memberId)!;
          return [o.orderNo, m.orderCount, m.spendMinor, m.lastOrderAt, m.tierId].join('|');
        })
        .sort();
    };
    expect(await shape(cached)).toEqual(await shape(plain));
    expect(await cached.members.count()).toBe(await plain.members.count());
  });

  it('a failed batch leaves the cache as it was', async () => {
    const db = memoryDb();
    const cache = await preloadedCache(db);
    // The store refuses a write midway (a full disk, say): the whole batch fails.
    db.members.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importOrders(db, [order(), order({ buyer: { handle: 'mei' } })], NOW, cache)).rejects.toThrow();
    expect(cache.identities.size).toBe(0);
    expect(cache.orders?.size).toBe(0);
    expect(cache.members.size).toBe(0);
    expect(await db.orders.count()).toBe(0);
    releaseCache(cache);
  });

  it('a cache follows what others commit: an identity written behind its back is known to the next batch', async () => {
    const db = memoryDb(undefined, undefined, 'cache-follows');
    const cache = await preloadedCache(db);
    await db.identities.add({ id: 'demo:handle:lily_chen', platform: 'demo', kind: 'handle', value: 'lily_chen', display: 'lily_chen', memberId: 'm_x', linkedBy: 'created', createdAt: NOW });
    await db.members.add({ id: 'm_x', displayName: 'Lily', tierId: 'bronze', tags: [], profile: {}, doNotContact: false, createdAt: NOW, updatedAt: NOW, orderCount: 0, spendMinor: 0, currency: 'USD', spendOrderCount: 0, averageOrderMinor: 0 });
    const result = await importOrders(db, [order()], NOW, cache);
    expect(result.members.created).toBe(0);
    expect((await db.orders.toArray()).map((o) => o.memberId)).toEqual(['m_x']);
    releaseCache(cache);
  });
});

describe('cancelling an import', () => {
  it('leaves the store exactly as it was before the import began', async () => {
    const { undoJournal, revertImport } = await import('./undo-journal');
    const db = memoryDb(undefined, undefined, 'cancel');
    // Before: one member with one order, tagged.
    await importOrders(db, [order({ orderNo: 'old', buyer: { handle: 'lily_chen', phone: '+6591234567' }, status: 'paid' })], NOW);
    await db.members.toCollection().modify({ tags: ['gift'] });
    const snapshot = async () => ({
      members: await db.members.toArray(),
      orders: await db.orders.toArray(),
      identities: await db.identities.toArray(),
      tierChanges: await db.tierChanges.toArray(),
    });
    const before = await snapshot();

    const cache = await preloadedCache(db);
    cache.undo = undoJournal('cancel');
    // Two batches: the old order moves forward, new orders lift the tier, new buyers and a merge by phone.
    await importOrders(db, [order({ orderNo: 'old', buyer: { handle: 'lily_chen' }, status: 'delivered' }), order({ orderNo: 'n1', amountMinor: 90000 })], NOW, cache);
    await importOrders(db, [order({ orderNo: 'n2', buyer: { handle: 'lilychen.shop', phone: '+65 9123 4567' } }), order({ orderNo: 'n3', buyer: { handle: 'mei' } })], NOW, cache);
    expect(await db.orders.count()).toBe(4);

    await revertImport(db, cache.undo);
    releaseCache(cache);
    expect(await snapshot()).toEqual(before);
    expect(await db.caches.where('key').startsWith('import-undo:').count()).toBe(0);
  });
});

describe('categories of stored orders', () => {
  const RULES = [
    { category: 'Tea', skuPrefixes: ['TEA-'], titleWords: ['tea', '茶'] },
    { category: 'Teaware', skuPrefixes: [], titleWords: ['teapot', '茶壶'] },
  ];

  it('an import categorises items by the rules, keeps the export’s own category, and records each category’s last order', async () => {
    const db = memoryDb();
    const { writeSettings } = await import('../../store/settings');
    await writeSettings(db, { categoryRules: RULES });
    await importOrders(
      db,
      [
        order({ orderNo: 'a1', placedAt: NOW - 100 * DAY, items: [{ title: '紫砂茶壶', quantity: 1 }] }),
        order({ orderNo: 'a2', placedAt: NOW - 20 * DAY, items: [{ title: 'Sencha', sku: 'TEA-7', quantity: 2 }] }),
        order({ orderNo: 'a3', placedAt: NOW - 5 * DAY, items: [{ title: 'Oolong', quantity: 1, category: 'Beverages', categorySource: 'export' }] }),
      ],
      NOW,
    );
    const orders = await db.orders.orderBy('placedAt').toArray();
    expect(orders.map((o) => o.items[0]!.category)).toEqual(['Tea', 'Tea', 'Beverages']);
    const member = (await db.members.toArray())[0]!;
    expect(member.categoryLastAt).toEqual({ Tea: NOW - 20 * DAY, Beverages: NOW - 5 * DAY });
  });

  it('kept up incrementally as orders come, read again when an order stops counting', async () => {
    const db = memoryDb();
    const { writeSettings } = await import('../../store/settings');
    await writeSettings(db, { categoryRules: RULES });
    await importOrders(db, [order({ orderNo: 'b1', placedAt: NOW - 60 * DAY, items: [{ title: 'Glass teapot', quantity: 1 }] })], NOW);
    await importOrders(db, [order({ orderNo: 'b2', placedAt: NOW - 3 * DAY, items: [{ title: 'Green tea', quantity: 1 }] })], NOW);
    expect((await db.members.toArray())[0]!.categoryLastAt).toEqual({ Teaware: NOW - 60 * DAY, Tea: NOW - 3 * DAY });
    await importOrders(db, [order({ orderNo: 'b2', placedAt: NOW - 3 * DAY, status: 'refunded', items: [{ title: 'Green tea', quantity: 1 }] })], NOW);
    expect((await db.members.toArray())[0]!.categoryLastAt).toEqual({ Teaware: NOW - 60 * DAY });
  });

  it('a shop without categories stores nothing extra on its members', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ orderNo: 'c1' }), order({ orderNo: 'c2', placedAt: NOW - 2 * DAY })], NOW);
    expect((await db.members.toArray())[0]!.categoryLastAt).toBeUndefined();
  });

  it('rules applied to orders already stored recategorise them and move members’ per-category last orders; the export’s category stays', async () => {
    const db = memoryDb();
    await importOrders(
      db,
      [
        order({ orderNo: 'd1', placedAt: NOW - 50 * DAY, items: [{ title: 'Green tea', quantity: 1 }] }),
        order({ orderNo: 'd2', placedAt: NOW - 10 * DAY, items: [{ title: 'Cast iron teapot', quantity: 1 }] }),
        order({ orderNo: 'd3', placedAt: NOW - 8 * DAY, items: [{ title: 'Tea towel', quantity: 1, category: 'Linen', categorySource: 'export' }] }),
        order({ buyer: { handle: 'other' }, orderNo: 'd4', placedAt: NOW - 1 * DAY, items: [{ title: 'Socks', quantity: 1 }] }),
      ],
      NOW,
    );
    const { applyCategoryRules } = await import('./apply-categories');
    const first = await applyCategoryRules(db, RULES, NOW);
    expect(first).toMatchObject({ orders: 2, members: 1 });
    const lily = (await db.members.toArray()).find((m) => m.displayName === 'lily_chen')!;
    expect(lily.categoryLastAt).toEqual({ Tea: NOW - 50 * DAY, Teaware: NOW - 10 * DAY, Linen: NOW - 8 * DAY });
    expect((await db.orders.get('demo:d3'))!.items[0]!.category).toBe('Linen');
    // The same rules again change nothing; a rule taken away takes its category away.
    expect(await applyCategoryRules(db, RULES, NOW)).toMatchObject({ orders: 0, members: 0 });
    expect(await applyCategoryRules(db, RULES.slice(0, 1), NOW)).toMatchObject({ orders: 1, members: 1 });
    const after = (await db.members.get(lily.id))!;
    expect(after.categoryLastAt).toEqual({ Tea: NOW - 50 * DAY, '': NOW - 10 * DAY, Linen: NOW - 8 * DAY });
    expect((await db.orders.get('demo:d2'))!.items[0]!.category).toBeUndefined();
  });
});
