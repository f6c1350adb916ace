import Dexie, { type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { leanPutsMiddleware } from './lean-puts';
import { memoryDb, NOW } from './test-helpers';
import { changesMiddleware, onCommitted } from './changes';

interface Person {
  id: string;
  email: string;
}

/** A store with a unique index: a put that breaks it fails after it was queued, as a full disk would. */
function peopleDb(name: string) {
  const db = new Dexie(name, { indexedDB: new IDBFactory(), IDBKeyRange }) as Dexie & { people: Table<Person, string> };
  db.version(1).stores({ people: 'id, &email' });
  db.use(leanPutsMiddleware());
  return db;
}

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `p${from + i}`, email: `p${from + i}@example.com` }));

describe('a bulk put of many rows', () => {
  it('stores every row, gives back the last key, and its change names every key once', async () => {
    const db = memoryDb(undefined, undefined, 'lean-puts-all');
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      id: `m_${i}`, displayName: `Buyer ${i}`, tags: [], profile: {}, doNotContact: false, createdAt: NOW, updatedAt: NOW,
      orderCount: 1, spendMinor: 100 * i, currency: 'USD', spendOrderCount: 1, averageOrderMinor: 100 * i,
    }));
    const keys: string[] = [];
    const stop = onCommitted((change) => {
      if (change.db === 'lean-puts-all') for (const t of change.tables) if (t.table === 'members') keys.push(...(t.keys ?? []));
    });
    const last = await db.transaction('rw', [db.members], () => db.members.bulkPut(rows));
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(last).toBe('m_1199');
    expect(await db.members.count()).toBe(1200);
    expect((await db.members.get('m_600'))?.spendMinor).toBe(60_000);
    expect(keys).toEqual(rows.map((r) => r.id));
    expect(await db.members.bulkPut(rows.slice(0, 3), { allKeys: true })).toEqual(['m_0', 'm_1', 'm_2']);
  });

  it('that fails at a row before the last stores nothing of the write, and says so', async () => {
    const db = peopleDb('lean-puts-fails');
    await db.people.add({ id: 'taken', email: 'p500@example.com' });
    const write = db.transaction('rw', [db.people], async () => {
      await db.people.bulkPut(people(1000));
    });
    await expect(write).rejects.toThrow();
    expect(await db.people.count()).toBe(1);
  });

  it('that fails at its last row stores nothing of the write either', async () => {
    const db = peopleDb('lean-puts-fails-last');
    await db.people.add({ id: 'taken', email: 'p999@example.com' });
    await expect(db.transaction('rw', [db.people], () => db.people.bulkPut(people(1000)))).rejects.toThrow();
    expect(await db.people.count()).toBe(1);
  });

  it('with an explicit key per row still goes through Dexie alone', async () => {
    const db = new Dexie('lean-puts-outbound', { indexedDB: new IDBFactory(), IDBKeyRange }) as Dexie & { notes: Table<{ text: string }, string> };
    db.version(1).stores({ notes: '' });
    db.use(leanPutsMiddleware());
    await db.notes.bulkPut([{ text: 'a' }, { text: 'b' }], ['k1', 'k2']);
    expect(await db.notes.get('k2')).toEqual({ text: 'b' });
  });
});

describe('a bulk add of many rows', () => {
  it('stores every row and its change names every key once', async () => {
    const db = peopleDb('lean-adds-all');
    const keys: string[] = [];
    const stop = onCommitted((change) => {
      for (const t of change.tables) if (t.table === 'people') keys.push(...(t.keys ?? []));
    });
    db.use(changesMiddleware('lean-adds-all'));
    await db.transaction('rw', [db.people], () => db.people.bulkAdd(people(1000)));
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(await db.people.count()).toBe(1000);
    expect(keys).toEqual(people(1000).map((p) => p.id));
  });

  it('whose key is taken at a row before the last stores none of its rows, outside a transaction too', async () => {
    const db = peopleDb('lean-adds-taken');
    await db.people.add({ id: 'p500', email: 'first@example.com' });
    // Dexie alone stored the 999 other rows here and rejected with a BulkError.
    await expect(db.people.bulkAdd(people(1000))).rejects.toThrow();
    expect(await db.people.count()).toBe(1);
    expect((await db.people.get('p500'))?.email).toBe('first@example.com');
  });
});
