import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memberLapse } from '../domain/category-lapse';
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { decodeTiers, MEMBER_TIERS_KEY, type StoredTiers } from './member-tiers';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { importOrders } from '../background/import/import-orders';

// The harness every future upgrade uses: open the previous version with data, upgrade, check.
async function seededAt(versions: readonly SchemaVersion[], factory: IDBFactory) {
  const db = memoryDb(versions, factory);
  await importOrders(db, [order({ buyer: { handle: 'lily_chen', phone: '+6591234567' } }), order()], NOW);
  await db.members.toCollection().modify({ tags: ['gift'] });
  db.close();
}

describe('schema versions and migrations', () => {
  it('versions are dated and strictly increasing', () => {
    SCHEMA_VERSIONS.forEach((v, i) => {
      expect(v.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (i > 0) expect(v.version).toBeGreaterThan(SCHEMA_VERSIONS[i - 1]!.version);
    });
  });

  it('each version opens the data of the one before it unchanged', async () => {
    for (let n = 1; n <= SCHEMA_VERSIONS.length; n++) {
      const factory = new IDBFactory();
      await seededAt(SCHEMA_VERSIONS.slice(0, n), factory);
      const db = memoryDb(SCHEMA_VERSIONS, factory);
      expect(await db.members.count()).toBe(1);
      expect(await db.orders.count()).toBe(2);
      expect((await db.members.toArray())[0]!.tags).toEqual(['gift']);
      db.close();
    }
  });

  it('an upgrade transforms existing rows', async () => {
    const factory = new IDBFactory();
    await seededAt([SCHEMA_V1], factory);
    const v2: SchemaVersion = {
      version: 2,
      date: '2099-01-01',
      stores: { members: SCHEMA_V1.stores.members + ', doNotContact' },
      upgrade: async (tx) => {
        await tx.table('members').toCollection().modify((m: { doNotContact: unknown }) => {
          m.doNotContact = m.doNotContact ? 1 : 0;
        });
      },
    };
    const db = memoryDb([SCHEMA_V1, v2], factory);
    expect((await db.members.toArray())[0]!.doNotContact).toBe(0);
    expect(db.verno).toBe(2);
    db.close();
  });

  it('a failed upgrade keeps the data at the previous version instead of resetting it', async () => {
    const factory = new IDBFactory();
    await seededAt([SCHEMA_V1], factory);
    const broken: SchemaVersion = {
      version: 2,
      date: '2099-01-01',
      stores: {},
      upgrade: async () => {
        throw new Error('migration bug');
      },
    };
    const db = memoryDb([SCHEMA_V1, broken], factory);
    await expect(db.open()).rejects.toThrow(/migration bug/);
    db.close();
    const old = memoryDb([SCHEMA_V1], factory);
    expect(await old.members.count()).toBe(1);
    expect(await old.orders.count()).toBe(2);
    expect(old.verno).toBe(1);
    old.close();
  });

  it('v2: birthdays entered before the upgrade are found through the new birthday index', async () => {
    const factory = new IDBFactory();
    await seededAt([SCHEMA_V1], factory);
    const v1 = memoryDb([SCHEMA_V1], factory);
    await v1.members.toCollection().modify((m) => {
      m.profile = { birthday: '02-29' };
    });
    v1.close();
    const db = memoryDb([SCHEMA_V1, SCHEMA_V2], factory);
    expect(db.verno).toBe(2);
    const found = await db.members.where('profile.birthday').above('').toArray();
    expect(found.map((m) => [m.profile.birthday, m.tags])).toEqual([['02-29', ['gift']]]);
    expect(await db.orders.count()).toBe(2);
    db.close();
  });

  it('v4: members made before categories keep their lapse (judged by the last order) and gain a points log', async () => {
    const factory = new IDBFactory();
    await seededAt([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3], factory);
    const v3 = memoryDb([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3], factory);
    const before = (await v3.members.toArray())[0]!;
    v3.close();
    const db = memoryDb([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4], factory);
    expect(db.verno).toBe(4);
    const after = (await db.members.toArray())[0]!;
    expect(after).toEqual(before);
    expect(after.categoryLastAt).toBeUndefined();
    const later = NOW + 200 * 86_400_000;
    expect(memberLapse(after, { Tea: { lapseDays: 30, cycleDays: 20 } }, 90, later, 'UTC')).toMatchObject({ state: 'lapsed' });
    expect(memberLapse(after, {}, 90, NOW + 10 * 86_400_000, 'UTC')).toMatchObject({ state: 'active' });
    await db.points.bulkAdd([
      { id: 'p2', memberId: after.id, delta: -20, reason: 'Redeemed', author: 'Mei', at: NOW + 2 },
      { id: 'p1', memberId: after.id, delta: 50, reason: 'Birthday gift', author: 'Ana', at: NOW + 1 },
    ]);
    const log = await db.points.where('[memberId+at]').between([after.id, 0], [after.id, Infinity]).toArray();
    expect(log.map((p) => p.id)).toEqual(['p1', 'p2']);
    db.close();
  });

  it('v5: member rows lose the tier they stored, keep everything else, and each shows the tier it showed before', async () => {
    const factory = new IDBFactory();
    // A v4 store as the previous release wrote it: tiers in the rows, and one ladder apply's tier beside them.
    const v4 = new Dexie('regulars', { indexedDB: factory, IDBKeyRange });
    for (const v of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4]) v4.version(v.version).stores(v.stores);
    const row = (id: string, tierId: string, orderCount: number, updatedAt: number) => ({
      id, displayName: id, tierId, tags: ['gift'], profile: { birthday: '02-29' }, doNotContact: false, createdAt: NOW, updatedAt,
      orderCount, spendMinor: orderCount * 1000, currency: 'USD', spendOrderCount: orderCount, averageOrderMinor: 1000, lastOrderAt: NOW,
    });
    const rows = [row('applied', 'regular', 1, NOW - 5), row('written-since', 'regular', 1, NOW + 5), row('own', 'silver', 2, NOW)];
    await v4.table('members').bulkPut(rows);
    await v4.table('caches').put({ key: 'tiers:applied', value: { names: ['gold', 'regular'], ids: ['applied', 'written-since'], tiers: [0, 0], bases: [1, 1], at: [NOW, NOW] } });
    v4.close();

    const db = memoryDb(SCHEMA_VERSIONS.slice(0, 5), factory);
    await db.open();
    expect(db.verno).toBe(5);
    const raw = new Dexie('regulars', { indexedDB: factory, IDBKeyRange });
    await raw.open();
    const stored = await raw.table('members').toArray();
    expect(stored).toEqual([rows[0]!, rows[2]!, rows[1]!].map(({ tierId: _, ...rest }) => rest));
    const kept = decodeTiers((await raw.table('caches').get(MEMBER_TIERS_KEY)).value as StoredTiers);
    expect([...kept]).toEqual([['applied', 'gold'], ['own', 'silver'], ['written-since', 'regular']]);
    expect(await raw.table('caches').get('tiers:applied')).toBeUndefined();
    raw.close();
    db.close();
  });

  it('v6: the indexes nothing reads are gone, every row is kept, and the reads the store makes still find them', async () => {
    const factory = new IDBFactory();
    const v5 = memoryDb([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5], factory);
    await importOrders(v5, [order({ placedAt: NOW - 2 }), order({ placedAt: NOW - 1 }), order({ buyer: { handle: 'max' } })], NOW);
    await v5.members.toCollection().modify((m) => {
      m.tags = ['gift'];
      m.profile = { birthday: '02-29' };
    });
    const members = await v5.members.toArray();
    const orders = await v5.orders.toArray();
    v5.close();

    const db = memoryDb(SCHEMA_VERSIONS, factory);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.members.schema.indexes.map((i) => i.name)).toEqual(['displayName']);
    expect(db.orders.schema.indexes.map((i) => i.name).sort()).toEqual(['[memberId+placedAt]', 'placedAt']);
    expect(db.identities.schema.indexes.map((i) => i.name)).toEqual(['memberId']);
    expect(await db.members.toArray()).toEqual(members);
    expect(await db.orders.toArray()).toEqual(orders);
    const lily = members.find((m) => m.displayName === 'lily_chen')!;
    const hers = await db.orders.where('[memberId+placedAt]').between([lily.id, -Infinity], [lily.id, Infinity]).toArray();
    expect(hers.map((o) => o.placedAt)).toEqual([NOW - 2, NOW - 1]);
    expect(await db.orders.where('placedAt').aboveOrEqual(NOW - 2).count()).toBe(2);
    expect((await db.members.where('displayName').startsWithIgnoreCase('LILY').toArray()).map((m) => m.id)).toEqual([lily.id]);
    db.close();
  });
});
