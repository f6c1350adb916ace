// Member rows read through the store carry their tier, derived; rows written never store one. A
// browser's IDBCursor refuses any `this` but itself ("Illegal invocation"); fake-indexeddb does not,
// so that is modelled here: every cursor read of members (a name search) once failed in Chromium only.
import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_LADDER } from '../domain/tiers';
import { decodeTiers, encodeTiers, MEMBER_TIERS_KEY, MemberTiers, memberTiersMiddleware, savedTiers } from './member-tiers';
import { TextMap } from '../domain/text-map';
import { STORE_CHANGES_CHANNEL } from '../domain/change-channel';
import { memoryDb, NOW } from './test-helpers';

type Row = { id: string; orderCount: number; spendMinor: number };

/** A cursor whose getters and methods throw unless called on the cursor itself, as Chromium's do. */
function brandedCursor(rows: Row[]): { cursor: DBCoreCursor; continued: unknown[] } {
  const continued: unknown[] = [];
  let at = 0;
  const cursor = {} as DBCoreCursor;
  const own = (name: string, get: () => unknown) =>
    Object.defineProperty(cursor, name, {
      get() {
        if (this !== cursor) throw new TypeError('Illegal invocation');
        return get();
      },
    });
  own('key', () => rows[at]?.id);
  own('primaryKey', () => rows[at]?.id);
  own('value', () => rows[at]);
  for (const name of ['continue', 'continuePrimaryKey', 'advance'] as const)
    Object.defineProperty(cursor, name, {
      value: function (this: unknown, ...args: unknown[]) {
        if (this !== cursor) throw new TypeError('Illegal invocation');
        continued.push([name, ...args]);
        at++;
      },
    });
  return { cursor, continued };
}

const member = (id: string, orderCount: number, spendMinor: number) => ({
  id,
  displayName: id,
  tags: [],
  profile: {},
  doNotContact: false,
  createdAt: NOW,
  updatedAt: NOW,
  orderCount,
  spendMinor,
  currency: 'USD',
  spendOrderCount: orderCount,
  averageOrderMinor: orderCount ? Math.round(spendMinor / orderCount) : 0,
});

describe('member tiers, derived on read', () => {
  it('a cursor over members reads keys, values and moves on as the real one does, with each member tier', async () => {
    const db = memoryDb();
    const tiers = new MemberTiers(db);
    const rows = [
      { id: 'm1', orderCount: 5, spendMinor: 0 },
      { id: 'm2', orderCount: 1, spendMinor: 0 },
    ];
    const { cursor, continued } = brandedCursor(rows);
    const down = { table: () => ({ openCursor: async () => cursor }) as unknown as DBCoreTable } as unknown as DBCore;
    const members = (memberTiersMiddleware(tiers).create(down) as DBCore).table('members');
    const read = (await members.openCursor({ values: true, trans: {} } as Parameters<DBCoreTable['openCursor']>[0]))!;

    expect([read.key, read.primaryKey, read.value]).toEqual(['m1', 'm1', { ...rows[0], tierId: 'gold' }]);
    read.continue();
    expect([read.key, read.value]).toEqual(['m2', { ...rows[1], tierId: 'regular' }]);
    read.continue('m9');
    read.continuePrimaryKey('k', 'p');
    read.advance(2);
    expect(continued).toEqual([['continue', undefined], ['continue', 'm9'], ['continuePrimaryKey', 'k', 'p'], ['advance', 2]]);
    tiers.dispose();
    db.close();
  });

  it('a member row is stored without its tier, and read with the one its stats reach on the saved ladder', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await db.members.bulkPut([{ ...member('gold', 5, 0), tierId: 'diamond' }, member('new', 0, 0)]);
    expect((await db.members.toArray()).map((m) => [m.id, m.tierId])).toEqual([
      ['gold', 'gold'],
      ['new', 'regular'],
    ]);
    // As stored: no tier at all.
    const raw = new Dexie('regulars', { indexedDB: factory, IDBKeyRange });
    await raw.open();
    expect((await raw.table('members').toArray()).map((m: object) => 'tierId' in m)).toEqual([false, false]);
    raw.close();
    // A stricter ladder saved: every read follows it, in every connection.
    await db.settings.put({ key: 'tierLadder', value: { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'gold' ? { ...s, minOrders: 6 } : s)) } });
    await new Promise((r) => setTimeout(r, 10));
    expect((await db.members.get('gold'))!.tierId).toBe('silver');
    db.close();
    const again = memoryDb(undefined, factory);
    expect((await again.members.get('gold'))!.tierId).toBe('silver');
    again.close();
  });

  it.each([
    ['lifetime', 'lifetime' as const, false, 'gold'],
    ['rolling 365 days', { days: 365 }, true, 'silver'],
  ])('a page opening the store under a %s ladder reads the kept tiers only if it needs them', async (_name, window, reads, shown) => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await db.members.put(member('m1', 5, 0));
    await db.settings.put({ key: 'tierLadder', value: { ...DEFAULT_TIER_LADDER, window } });
    // What the background's tier keeper saved: m1 is Silver over the window.
    await db.caches.put({ key: MEMBER_TIERS_KEY, generation: 'g', builtAt: NOW, value: encodeTiers('l', new Map([['m1', 'silver']])) });
    db.close();
    const page = memoryDb(undefined, factory);
    const cacheReads: unknown[] = [];
    page.use({
      stack: 'dbcore',
      name: 'count-cache-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name === 'caches' ? { ...table, get: (req) => (cacheReads.push(req.key), table.get(req)) } : table;
        },
      }),
    });
    // The reports page's read: settings and the snapshot, no member row.
    await page.settings.get('reportSnapshot');
    expect(cacheReads.includes(MEMBER_TIERS_KEY)).toBe(reads);
    expect((await page.members.get('m1'))!.tierId).toBe(shown);
    page.close();
  });

  it('a page under a rolling ladder shows the tiers the background saves after a write elsewhere, even when it saves them late', async () => {
    const factory = new IDBFactory();
    const background = memoryDb(undefined, factory);
    await background.members.put(member('m1', 1, 500));
    await background.settings.put({ key: 'tierLadder', value: { ...DEFAULT_TIER_LADDER, window: { days: 30 } } });
    const keep = (tier: string, generation: string) =>
      background.caches.put({ key: MEMBER_TIERS_KEY, generation, builtAt: NOW, value: encodeTiers('l', new Map([['m1', tier]])) });
    await keep('regular', 'g1');
    const page = memoryDb(undefined, factory);
    expect((await page.members.get('m1'))!.tierId).toBe('regular');
    // The background imports m1's orders: the write is heard here at once, the tiers are saved well after.
    const other = new BroadcastChannel(STORE_CHANGES_CHANNEL);
    other.postMessage({ db: page.name, tables: [{ table: 'members', kind: 'put', keys: ['m1'] }] });
    await new Promise((r) => setTimeout(r, 1200));
    await keep('gold', 'g2');
    const deadline = Date.now() + 3000;
    while ((await page.members.get('m1'))!.tierId !== 'gold' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await page.members.get('m1'))!.tierId).toBe('gold');
    other.close();
    page.close();
    background.close();
  });
});

describe('the saved tiers', () => {
  const ladder = '{"steps":[]}';
  it('are kept from the keeper\'s map as one joined text of ids, and read back as they were, without the members it forgot', () => {
    const map = new TextMap();
    const ids = ['m-1', 'shopee:买家', 'etsy:ann', '', 'x'.repeat(3000), 'm-6'];
    ids.forEach((id, i) => map.set(id, i % 2 ? 'gold' : 'silver'));
    map.delete('m-6');
    const stored = encodeTiers(ladder, map);
    expect(typeof stored.ids).toBe('string');
    expect([...decodeTiers(stored)]).toEqual([...map]);
    expect([...decodeTiers(encodeTiers(ladder, new Map(map)))]).toEqual([...map]);
  });

  it('of an older build (ids as an array) read as well; tiers that do not read are ranked again', () => {
    const older = { ladder, names: ['silver', 'gold'], ids: ['a', 'b'], tiers: [1, 0] };
    expect([...savedTiers(older)!]).toEqual([
      ['a', 'gold'],
      ['b', 'silver'],
    ]);
    expect(savedTiers({ ...older, ids: 'a' })).toBeUndefined();
    expect(savedTiers({ ...older, tiers: [1, 5] })).toBeUndefined();
    expect([...savedTiers({ ...older, ids: '', tiers: [] })!]).toEqual([]);
  });
});
