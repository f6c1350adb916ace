import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { generationKey } from '../../store/generation';
import { updateMember } from '../members/members';
import { factsReads, keepMemberFactsFresh, memberFacts, platformsByMemberId } from './member-snapshot';
import { SCHEMA_V1, SCHEMA_V2 } from '../../store/schema';
import { addTag, memberIdForHandle } from '../members/card';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';

/** Another context on the same database (a service worker that woke, another extension page): nothing in memory. */
const reopen = (factory: IDBFactory) => memoryDb(undefined, factory);
const reads = () => ({ ...factsReads });
const since = (before: { disk: number; scans: number }) => ({ disk: factsReads.disk - before.disk, scans: factsReads.scans - before.scans });

describe('the member facts segments evaluate over', () => {
  it('are read once while nothing changes, and read again after any write to members', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const first = await memberFacts(db);
    expect(await memberFacts(db)).toBe(first);
    const id = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;

    await addTag(db, id, 'gift', NOW);
    const afterTag = await memberFacts(db);
    expect(afterTag).not.toBe(first);
    expect(afterTag[0]!.tags).toEqual(['gift']);

    await updateMember(db, id, { doNotContact: true }, NOW);
    expect((await memberFacts(db))[0]!.doNotContact).toBe(true);

    await importOrders(db, [order({ buyer: { handle: 'mei' } })], NOW);
    expect(await memberFacts(db)).toHaveLength(2);
  });

  it('a write to another table keeps them', async () => {
    const db = memoryDb();
    await importOrders(db, [order()], NOW);
    const first = await memberFacts(db);
    await db.contacts.add({ id: 'c1', memberId: first[0]!.id, channel: 'sms', reason: '', at: NOW });
    expect(await memberFacts(db)).toBe(first);
  });

  it('carry every field a segment reads, as the member rows have them, also from disk', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' }, amountMinor: 2500 }), order({ buyer: { handle: 'mei' }, currency: 'SGD' })], NOW);
    const lily = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;
    await addTag(db, lily, 'gift', NOW);
    await addTag(db, lily, 'VIP', NOW);
    await updateMember(db, lily, { doNotContact: true, profile: { birthday: '02-29' } }, NOW);
    const rows = await db.members.toArray();
    const scanned = await memberFacts(db);
    const fromDisk = await memberFacts(reopen(factory));
    expect(fromDisk).toEqual(scanned);
    for (const row of rows) {
      const fact = fromDisk.find((f) => f.id === row.id)!;
      expect(fact).toEqual({
        id: row.id,
        tierId: row.tierId,
        currency: row.currency,
        tags: row.tags,
        orderCount: row.orderCount,
        spendMinor: row.spendMinor,
        averageOrderMinor: row.averageOrderMinor,
        firstOrderAt: row.firstOrderAt,
        lastOrderAt: row.lastOrderAt,
        doNotContact: row.doNotContact,
        profile: row.profile.birthday ? { birthday: row.profile.birthday } : {},
      });
    }
  });
});

describe('the member facts kept on disk', () => {
  it('serve a context that wakes with nothing in memory, without a scan', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } }), order({ buyer: { handle: 'mei' } })], NOW);
    const built = await memberFacts(db);
    const woke = reopen(factory);
    const before = reads();
    expect(await memberFacts(woke)).toEqual(built);
    expect(since(before)).toEqual({ disk: 1, scans: 0 });
  });

  it('are never used once members changed, even by a context that saw no event', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    await memberFacts(db);
    // A write from a context whose events this one never hears (a worker that was asleep).
    const other = reopen(factory);
    const id = (await memberIdForHandle(other, 'demo', 'lily_chen'))!;
    await addTag(other, id, 'gift', NOW);
    const woke = reopen(factory);
    const before = reads();
    expect((await memberFacts(woke))[0]!.tags).toEqual(['gift']);
    expect(since(before)).toEqual({ disk: 0, scans: 1 });
    // The scan kept the new facts: the next context to wake reads them from disk.
    const next = reopen(factory);
    expect((await memberFacts(next))[0]!.tags).toEqual(['gift']);
    expect(since(before)).toEqual({ disk: 1, scans: 1 });
  });

  it('a write inside a transaction that never named the caches still moves the generation', async () => {
    const db = memoryDb();
    await importOrders(db, [order()], NOW);
    const mark = async () => (await db.caches.get(generationKey('members')))?.value;
    const before = await mark();
    await db.transaction('rw', [db.members], async () => {
      const m = (await db.members.toArray())[0]!;
      await db.members.put({ ...m, tags: ['x'] });
    });
    expect(await mark()).not.toBe(before);
    const idBefore = (await db.caches.get(generationKey('identities')))?.value;
    await db.transaction('rw', [db.identities], async () => {
      const i = (await db.identities.toArray())[0]!;
      await db.identities.put({ ...i, display: 'Lily' });
    });
    expect((await db.caches.get(generationKey('identities')))?.value).not.toBe(idBefore);
  });

  it('a write that lands while the scan runs keeps the scan from being kept', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const id = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;
    const scan = memberFacts(db);
    await addTag(reopen(factory), id, 'late', NOW);
    await scan;
    const woke = reopen(factory);
    expect((await memberFacts(woke))[0]!.tags).toEqual(['late']);
  });

  it('unreadable columns on disk are passed over for a scan', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order()], NOW);
    await memberFacts(db);
    const kept = (await db.caches.get('facts:members'))!;
    await db.caches.put({ ...kept, value: { count: 5, ids: 'a' } });
    const woke = reopen(factory);
    expect(await memberFacts(woke)).toHaveLength(1);
  });

  it('a store upgraded from version 2 has marks, so its first facts are kept', async () => {
    const factory = new IDBFactory();
    const v2 = memoryDb([SCHEMA_V1, SCHEMA_V2], factory);
    await importOrders(v2, [order()], NOW);
    v2.close();
    const db = reopen(factory);
    expect(await db.caches.get(generationKey('members'))).toBeDefined();
    await memberFacts(db);
    const before = reads();
    await memberFacts(reopen(factory));
    expect(since(before)).toEqual({ disk: 1, scans: 0 });
  });

  it('the background rebuilds them after changes pause, so the next context reads them from disk', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    const stop = keepMemberFactsFresh(db, 10);
    try {
      await importOrders(db, [order({ buyer: { handle: 'lily_chen' } }), order({ buyer: { handle: 'mei' } })], NOW);
      // Wait for the background's keep itself (under load it can take longer than any fixed pause).
      await vi.waitFor(async () => expect(await db.caches.get('facts:members')).toBeDefined(), { timeout: 10_000 });
      const before = reads();
      expect(await memberFacts(reopen(factory))).toHaveLength(2);
      expect(since(before)).toEqual({ disk: 1, scans: 0 });
    } finally {
      stop();
    }
  });
});

describe('the platforms snapshot', () => {
  it('follows identities: a member linked to a handle on another platform has both', async () => {
    const { linkHandle } = await import('../members/members');
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const id = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;
    expect((await platformsByMemberId(db)).get(id)).toEqual(new Set(['demo']));
    await linkHandle(db, id, 'shopee', 'lily.sg', NOW);
    expect((await platformsByMemberId(db)).get(id)).toEqual(new Set(['demo', 'shopee']));
    // And from disk, in a context that woke.
    const before = reads();
    expect((await platformsByMemberId(reopen(factory))).get(id)).toEqual(new Set(['demo', 'shopee']));
    expect(since(before)).toEqual({ disk: 1, scans: 0 });
  });

  it('a record kept in another order (an older build kept them by identity) is read again from the identities', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, ['zoe', 'amy', 'mei'].map((handle) => order({ buyer: { handle } })), NOW);
    const byId = await platformsByMemberId(db);
    expect(byId.size).toBe(3);
    const kept = (await db.caches.get('facts:platforms'))!;
    const value = kept.value as { ids: string };
    await db.caches.put({ ...kept, value: { ...value, ids: value.ids.split('\u0000').reverse().join('\u0000') } });
    const before = reads();
    const again = await platformsByMemberId(reopen(factory));
    expect(again).toEqual(byId);
    expect(since(before)).toEqual({ disk: 0, scans: 1 });
  });
});
