import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { STORE_CHANGES_CHANNEL } from '../../domain/change-channel';
import { decodeMembers, encodeMembers, memberIds } from '../../domain/member-columns';
import { onCommitted } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import { generationKey } from '../../store/generation';
import { chunking } from '../../store/kept-chunks';
import { importOrders } from '../import/import-orders';
import { addTag } from '../members/card';
import { memoryDb, NOW, order } from '../test-helpers';
import { MEMBER_WRITES, random, randomWrite } from '../writes-test-helpers';
import { factsKeeper, type FactsKeeper } from './facts-keeper';
import { factsReads, memberFactsKeeper } from './member-snapshot';

/** The kept facts equal the facts encoded from the member rows now, in the same (id) order. */
async function expectFactsMatchRows(db: RegularsDb, keeper: FactsKeeper) {
  const { columns, ids } = await keeper.current();
  const fromRows = encodeMembers(await db.members.toArray());
  expect(ids).toEqual(memberIds(fromRows));
  expect(decodeMembers(columns, ids)).toEqual(decodeMembers(fromRows));
}

const reads = () => ({ ...factsReads });

describe('the member facts kept from the change stream', () => {
  it.each([1, 2, 3, 4, 5, 6])('equal the rows after a random sequence of writes (seed %i)', async (seed) => {
    const db = memoryDb();
    const keeper = memberFactsKeeper(db, 60_000);
    await keeper.current(); // followed from the empty store on
    const r = random(seed);
    for (let step = 0; step < 40; step++) {
      await randomWrite(db, r, step, [...MEMBER_WRITES, ...MEMBER_WRITES]);
      if (step % 8 === 7) await expectFactsMatchRows(db, keeper);
    }
    await expectFactsMatchRows(db, keeper);
  });

  it('follow imports, tags and merges without reading the members again', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ buyer: { handle: 'ann' } }), order({ buyer: { handle: 'bo' } })], NOW);
    const keeper = memberFactsKeeper(db, 60_000);
    await keeper.current();
    const before = reads();
    await importOrders(db, [order({ buyer: { handle: 'chen' } }), order({ buyer: { handle: 'ann' } })], NOW);
    const ann = (await db.members.toArray()).find((m) => m.displayName === 'ann')!;
    await addTag(db, ann.id, 'gift', NOW);
    await expectFactsMatchRows(db, keeper);
    expect(reads()).toEqual(before);
  });

  it('read back the members another context wrote, by the keys its change names', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ buyer: { handle: 'ann' } })], NOW);
    const keeper = memberFactsKeeper(db, 60_000);
    await keeper.current();
    // Another context's write: the row changes with no event here (raw IndexedDB), then its change arrives over the channel.
    const [ann] = await db.members.toArray();
    await new Promise((resolve, reject) => {
      const tx = db.backendDB().transaction(['members'], 'readwrite');
      tx.objectStore('members').put({ ...ann!, tags: ['written-elsewhere'] });
      tx.oncomplete = resolve;
      tx.onerror = reject;
    });
    expect(decodeMembers((await keeper.current()).columns)[0]!.tags).toEqual([]);
    const heard = new Promise<void>((resolve) => {
      const stop = onCommitted((c) => c.from === 'elsewhere' && (stop(), resolve()));
    });
    const other = new BroadcastChannel(STORE_CHANGES_CHANNEL);
    other.postMessage({ db: db.name, tables: [{ table: 'members', kind: 'put', keys: [ann!.id] }] });
    await heard;
    other.close();
    expect(decodeMembers((await keeper.current()).columns)[0]!.tags).toEqual(['written-elsewhere']);
    await expectFactsMatchRows(db, keeper);
  });

  it('are saved with the members mark and read from disk by a context that wakes; not once a write was missed', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    const keeper = memberFactsKeeper(db, 60_000);
    await keeper.current();
    await importOrders(db, [order({ buyer: { handle: 'ann' } }), order({ buyer: { handle: 'bo' } })], NOW);
    expect(await keeper.save()).toBe(true);
    expect((await db.caches.get('facts:members'))?.generation).toBe((await db.caches.get(generationKey('members')))?.value);

    const before = reads();
    const woke = memberFactsKeeper(memoryDb(undefined, factory), 60_000);
    await expectFactsMatchRows(db, woke);
    expect(reads()).toEqual({ disk: before.disk + 1, scans: before.scans });

    // A write the saved record does not hold (its worker died before the next save): the mark moved, the rows are read.
    woke.stop();
    keeper.stop();
    await importOrders(db, [order({ buyer: { handle: 'chen' } })], NOW);
    const next = memberFactsKeeper(memoryDb(undefined, factory), 60_000);
    await expectFactsMatchRows(db, next);
    expect(reads().scans).toBe(before.scans + 1);
  });

  it('are saved in parts of bounded size and read back whole from them; a save missing a part is scanned again', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    const keeper = memberFactsKeeper(db, 60_000);
    await keeper.current();
    await importOrders(db, Array.from({ length: 30 }, (_, i) => order({ buyer: { handle: `buyer-${i}` } })), NOW);
    const bytes = chunking.bytes;
    chunking.bytes = 64;
    try {
      expect(await keeper.save()).toBe(true);
    } finally {
      chunking.bytes = bytes;
    }
    const parts = await db.caches.where('key').startsWith('facts:members|').primaryKeys();
    expect(parts.length).toBeGreaterThan(5);
    const before = reads();
    const woke = memberFactsKeeper(memoryDb(undefined, factory), 60_000);
    await expectFactsMatchRows(db, woke);
    expect(reads()).toEqual({ disk: before.disk + 1, scans: before.scans });

    await db.caches.delete(parts[0]!);
    const next = memberFactsKeeper(memoryDb(undefined, factory), 60_000);
    await expectFactsMatchRows(db, next);
    expect(reads()).toEqual({ disk: before.disk + 1, scans: before.scans + 1 });
    for (const k of [keeper, woke, next]) k.stop();
  });

  it('merge what gathers into the columns less often as they grow: many members written one write after another, the same facts', async () => {
    const db = memoryDb();
    // Merged once 2 members gather, or half the members held: not once every 2 members.
    const keeper = factsKeeper(db, async () => ({ columns: encodeMembers([]), ids: [] }), async () => true, 60_000, 60_000, 2);
    keeper.start();
    await keeper.current();
    const before = keeper.merges();
    for (let n = 0; n < 64; n++) {
      await importOrders(db, [order({ orderNo: `m${n}`, buyer: { handle: `buyer-${n}` } })], NOW);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // 2, 4, 6, 9, 13, 19, 28, 42, 63 members held at each merge (a fixed 2 would have merged 32 times).
    expect(keeper.merges() - before).toBeLessThanOrEqual(10);
    expect(keeper.merges() - before).toBeGreaterThanOrEqual(5);
    await expectFactsMatchRows(db, keeper);
    keeper.stop();
  });
});
