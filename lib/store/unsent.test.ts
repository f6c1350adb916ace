import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { onCommitted, withOrigin, type StoreChange } from './changes';
import type { RegularsDb } from './database';
import { memoryDb, NOW } from './test-helpers';
import { clearUnsent, startNotingUnsent, unsentWrites } from './unsent';

const member = (id: string) => ({
  id, displayName: id, tierId: 'bronze', tags: [], profile: {}, doNotContact: false, createdAt: NOW, updatedAt: NOW,
  orderCount: 0, spendMinor: 0, currency: 'USD', spendOrderCount: 0, averageOrderMinor: 0,
});
const note = (id: string) => ({ id, memberId: 'm1', text: id, author: 'alice', createdAt: NOW, updatedAt: NOW });

let n = 0;
async function written(write: (db: RegularsDb) => Promise<unknown>) {
  const db = memoryDb(undefined, undefined, `unsent-${++n}`);
  await startNotingUnsent(db.caches);
  await db.members.put(member('m1'));
  await clearUnsent(db.caches, (await unsentWrites(db.caches)).notes);
  await write(db);
  const { tables } = await unsentWrites(db.caches);
  return Object.fromEntries([...tables].map(([t, keys]) => [t, keys && [...keys].sort()]));
}

describe('the notes of writes not yet sent to the team', () => {
  it.each([
    ['a member and a note put in one transaction: both tables, their keys', (db: RegularsDb) => db.transaction('rw', [db.members, db.notes], async () => (await db.members.put(member('m2')), await db.notes.bulkPut([note('n1'), note('n2')]))), { members: ['m2'], notes: ['n1', 'n2'] }],
    ['a deletion: its key', (db: RegularsDb) => db.members.delete('m1'), { members: ['m1'] }],
    ['a table cleared: all of it', (db: RegularsDb) => db.notes.clear(), { notes: undefined }],
    ['a table not shared with the team (the tag vocabulary): none', (db: RegularsDb) => db.tags.put({ name: 'vip', count: 1, lastUsedAt: NOW }), {}],
    ['rows team sync wrote from the team database: none', (db: RegularsDb) => db.transaction('rw', [db.notes], async () => (withOrigin('sync'), await db.notes.put(note('n3')))), {}],
    ['a catch-up\'s rows: none', (db: RegularsDb) => db.transaction('rw', [db.notes], async () => (withOrigin('import:sync-1'), await db.notes.put(note('n4')))), {}],
    ['an import\'s rows: their keys', (db: RegularsDb) => db.transaction('rw', [db.members], async () => (withOrigin('import:s1'), await db.members.put(member('m3')))), { members: ['m3'] }],
    ['a transaction that fails: none', (db: RegularsDb) => db.transaction('rw', [db.notes], async () => (await db.notes.put(note('n5')), Promise.reject(new Error('no')))).catch(() => undefined), {}],
  ])('%s', async (_, write, expected) => {
    expect(await written(write)).toEqual(expected);
  });

  it('a change names its notes, and clearing them by that name leaves those of later writes', async () => {
    const db = memoryDb(undefined, undefined, `unsent-${++n}`);
    await startNotingUnsent(db.caches);
    const changes: StoreChange[] = [];
    const stop = onCommitted((c) => void (c.db === db.name && changes.push(c)));
    try {
      await db.notes.put(note('n1'));
      await db.notes.put(note('n2'));
    } finally {
      stop();
    }
    expect(changes.map((c) => typeof c.unsent)).toEqual(['string', 'string']);
    await clearUnsent(db.caches, changes[0]!.unsent!);
    expect([...(await unsentWrites(db.caches)).tables]).toEqual([['notes', new Set(['n2'])]]);
  });

  it('a table cleared, then written again in the same transaction (a restore), has one note: all of it, not each row', async () => {
    const db = memoryDb(undefined, undefined, `unsent-${++n}`);
    await startNotingUnsent(db.caches);
    await db.transaction('rw', [db.notes], async () => {
      await db.notes.clear();
      await db.notes.bulkPut([note('n1'), note('n2')]);
      await db.notes.put(note('n3'));
    });
    const { notes, tables } = await unsentWrites(db.caches);
    expect({ notes: notes.length, tables: [...tables] }).toEqual({ notes: 1, tables: [['notes', undefined]] });
  });

  it('a store never on a team notes no write; once marked, every connection to it notes the next ones', async () => {
    const factory = new IDBFactory();
    const name = `unsent-${++n}`;
    const page = memoryDb(undefined, factory, name);
    const worker = memoryDb(undefined, factory, name);
    await page.members.put(member('m1'));
    await worker.notes.put(note('n1'));
    expect((await unsentWrites(page.caches)).notes).toEqual([]);
    // The worker connects to a team: the page, which wrote unmarked before, reads the mark in its next write.
    await startNotingUnsent(worker.caches);
    await page.members.put(member('m2'));
    await worker.notes.put(note('n2'));
    expect([...(await unsentWrites(page.caches)).tables]).toEqual([
      ['members', new Set(['m2'])],
      ['notes', new Set(['n2'])],
    ]);
  });
});
