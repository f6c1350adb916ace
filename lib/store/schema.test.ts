import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memberLapse } from '../domain/category-lapse';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
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
});
