import { describe, expect, it } from 'vitest';
import { movesOf } from '../../domain/tier-moves';
import { onCommitted, keysOf } from '../../store/changes';
import { backupFile, restoreBackup } from '../../store/backup';
import { readBackup } from '../../store/backup-read';
import type { ValidBackup } from '../../domain/backup';
import { createHandlers } from '../handlers';
import { importCapability } from './handlers';
import { importOrders } from './import-orders';
import { sessionCache } from './import-cache';
import { writeWaiting } from './import-end';
import { keepTiers, memoryDb, NOW, order } from '../test-helpers';
import { batches, journal, memberWrites, membersByName, withKnownMember } from './journal-test-helpers';

const optionsPage = {};

describe('an import session writes each member row once', () => {
  it('at its end, new members too: the same members as one import of every row', async () => {
    const rows = batches();
    const db = await withKnownMember('journal-once');
    const tiers = await keepTiers(db);
    await tiers.settled();
    const tiersBefore = await db.tierChanges.count();
    const imports = importCapability(db, () => NOW);
    const session = 'session-once';
    const writes = await memberWrites(db, async () => {
      for (const batch of rows) await imports.handlers['orders.import']({ rows: batch, session }, optionsPage);
    });
    // Batch 1 creates ana and bo, whose rows wait like Known's: no batch writes a member row.
    expect(writes.map((w) => w.length)).toEqual([0, 0, 0]);
    expect(await journal(db)).toBe(3);
    const end = await imports.handlers['orders.importEnd']({ session }, optionsPage);
    expect(end.members).toEqual({ created: 2, matched: 1 });
    expect(await journal(db)).toBe(0);

    const oneShot = await withKnownMember('journal-one-shot');
    await importOrders(oneShot, rows.flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(oneShot));
    expect((await membersByName(db)).Ana).toMatchObject({ orderCount: 3, spendMinor: 60_000, tierId: 'gold' });
    // Known moved from Regular to Silver: one tier change; Ana, new, starts at her tier: none.
    await tiers.settled();
    const changes = movesOf((await db.tierChanges.toArray()).slice(tiersBefore));
    expect(changes.map((c) => [c.from, c.to])).toEqual([['regular', 'silver']]);
  });

  it('after a worker died mid-import, the next one brings the waiting members up to date from their orders', async () => {
    const rows = batches();
    const db = await withKnownMember('journal-crash');
    const dead = importCapability(db, () => NOW);
    for (const batch of rows) await dead.handlers['orders.import']({ rows: batch, session: 'session-died' }, optionsPage);
    // The worker dies here: its session never ends. Known's row is behind its orders; Ana and Bo have none yet.
    expect((await membersByName(db)).Known).toMatchObject({ orderCount: 1 });
    expect(Object.keys(await membersByName(db))).toEqual(['Known']);

    const next = importCapability(db, () => NOW);
    expect(await next.recover()).toBe(3);
    expect(await journal(db)).toBe(0);
    const oneShot = await withKnownMember('journal-crash-one-shot');
    await importOrders(oneShot, rows.flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(oneShot));
    await dead.endAll();
  });

  /** Two batches stored by a worker that then dies, and the third, posted meanwhile, by the next worker it woke, which opens the session anew. */
  async function reopened(name: string) {
    const rows = batches();
    const db = await withKnownMember(name);
    const dead = importCapability(db, () => NOW);
    const session = `session-${name}`;
    for (const batch of rows.slice(0, 2)) await dead.handlers['orders.import']({ rows: batch, session }, optionsPage);
    const next = importCapability(db, () => NOW);
    await next.handlers['orders.import']({ rows: rows[2]!, session }, optionsPage);
    return { rows, db, dead, next, session };
  }

  it("a batch of a dead worker's session that reaches the next worker before its recovery: the session's earlier members are not lost", async () => {
    const { rows, db, dead, next, session } = await reopened('journal-reopened');
    const end = await next.handlers['orders.importEnd']({ session }, optionsPage);
    // Ana and Bo, created by the dead worker's part, are counted once as created (and again as matched by the second part).
    expect(end.members.created).toBe(2);
    await next.recover();
    expect(await journal(db)).toBe(0);
    const oneShot = await withKnownMember('journal-reopened-one-shot');
    await importOrders(oneShot, rows.flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(oneShot));
    await dead.endAll();
  });

  it("such a session cancelled takes back only what the next worker's batches wrote: the dead worker's part was ended by its recovery", async () => {
    const { rows, db, dead, next, session } = await reopened('journal-reopened-cancel');
    const answer = await next.handlers['orders.importCancel']({ session }, optionsPage);
    // The page says so: that part can't be taken back.
    expect(answer.tooLate).toEqual({ created: 2, matched: 1 });
    const firstPart = await withKnownMember('journal-reopened-cancel-first-part');
    await importOrders(firstPart, rows.slice(0, 2).flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(firstPart));
    expect(await db.orders.count()).toBe(await firstPart.orders.count());
    await dead.endAll();
  });

  it("a stopped worker's session cancelled by the next worker: its batches, ended by the recovery, stay, and the answer says what they did", async () => {
    const rows = batches();
    const db = await withKnownMember('journal-cancel-dead');
    const dead = importCapability(db, () => NOW);
    for (const batch of rows.slice(0, 2)) await dead.handlers['orders.import']({ rows: batch, session: 'session-cancel-dead' }, optionsPage);
    const next = importCapability(db, () => NOW);
    const answer = await next.handlers['orders.importCancel']({ session: 'session-cancel-dead' }, optionsPage);
    expect(answer).toEqual({ orders: 0, members: 0, kept: 0, tooLate: { created: 2, matched: 1 } });
    const firstPart = await withKnownMember('journal-cancel-dead-first-part');
    await importOrders(firstPart, rows.slice(0, 2).flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(firstPart));
    // A session nobody stored anything for: nothing to say.
    expect(await next.handlers['orders.importCancel']({ session: 'session-never-stored' }, optionsPage)).toEqual({ orders: 0, members: 0, kept: 0 });
    await dead.endAll();
  });

  it('a panel opened on a buyer the import is creating gets the member at once; a tag and note written then stay, and the end brings every order', async () => {
    const db = memoryDb(undefined, undefined, 'journal-lookup');
    const handlers = createHandlers({ db, now: () => NOW });
    const [first, second, third] = batches();
    await handlers['orders.import']({ rows: first!, session: 'session-lookup' }, optionsPage);
    await handlers['orders.import']({ rows: second!, session: 'session-lookup' }, optionsPage);
    // Ana's row waits for the session's end; the agent opens her in the chat all the same.
    const card = await handlers['member.lookup']({ platform: 'demo', handle: 'ana' }, optionsPage);
    expect(card?.member).toMatchObject({ displayName: 'Ana', orderCount: 2 });
    const ana = card!.member.id;
    await handlers['member.addTag']({ memberId: ana, tag: 'gift' }, optionsPage);
    await handlers['member.addNote']({ memberId: ana, text: 'Asked about wrapping' }, optionsPage);
    // Bo, whose panel was opened before the import reached him, is "created": he is the import's member.
    const bo = (await db.identities.get('demo:handle:bo'))!.memberId;
    expect(await handlers['member.create']({ platform: 'demo', handle: 'bo' }, optionsPage)).toEqual({ memberId: bo });
    expect((await handlers['member.card']({ memberId: bo }, optionsPage))?.member).toMatchObject({ displayName: 'Bo', orderCount: 1 });

    await handlers['orders.import']({ rows: third!, session: 'session-lookup' }, optionsPage);
    await handlers['orders.importEnd']({ session: 'session-lookup' }, optionsPage);
    const after = await handlers['member.card']({ memberId: ana }, optionsPage);
    expect(after?.member).toMatchObject({ displayName: 'Ana', orderCount: 3, spendMinor: 60_000, tags: ['gift'] });
    expect(after?.notes.map((n) => n.text)).toEqual(['Asked about wrapping']);
    expect(await db.members.where('displayName').equals('Ana').count()).toBe(1);
    expect(await db.members.get(bo)).toMatchObject({ orderCount: 2 });
  });

  it('a cancelled import takes back a member it created that a panel had written early', async () => {
    const db = memoryDb(undefined, undefined, 'journal-early-cancel');
    const handlers = createHandlers({ db, now: () => NOW });
    await handlers['orders.import']({ rows: batches()[0]!, session: 'session-early-cancel' }, optionsPage);
    expect((await handlers['member.lookup']({ platform: 'demo', handle: 'ana' }, optionsPage))?.member.displayName).toBe('Ana');
    expect(await db.members.count()).toBe(1);
    await handlers['orders.importCancel']({ session: 'session-early-cancel' }, optionsPage);
    expect(await db.members.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    expect(await handlers['member.lookup']({ platform: 'demo', handle: 'ana' }, optionsPage)).toBeNull();
  });

  it('a journal left by a worker from before new members waited too (a bare list of members) is still recovered', async () => {
    const db = await withKnownMember('journal-legacy');
    const known = (await db.identities.get('demo:handle:known'))!.memberId;
    await db.transaction('rw', [db.orders, db.caches], async () => {
      await db.orders.put({ ...(await db.orders.toArray())[0]!, id: 'demo:late', orderNo: 'late' });
      await db.caches.put({ key: 'import-journal:session-old:0', value: [known] });
    });
    expect(await importCapability(db, () => NOW).recover()).toBe(1);
    expect(await db.members.get(known)).toMatchObject({ orderCount: 2 });
    expect(await journal(db)).toBe(0);
  });

  it("a member tagged meanwhile keeps the tag and gets the import's stats; a cancelled session leaves no journal", async () => {
    const db = await withKnownMember('journal-tagged');
    const imports = importCapability(db, () => NOW);
    const [first, second] = batches();
    await imports.handlers['orders.import']({ rows: second!, session: 'session-tag' }, optionsPage);
    const known = (await db.identities.get('demo:handle:known'))!.memberId;
    await db.members.update(known, { tags: ['vip'] });
    await imports.handlers['orders.import']({ rows: first!, session: 'session-tag' }, optionsPage);
    await imports.handlers['orders.importEnd']({ session: 'session-tag' }, optionsPage);
    expect(await db.members.get(known)).toMatchObject({ tags: ['vip'], orderCount: 2, tierId: 'silver' });

    await imports.handlers['orders.import']({ rows: [order({ buyer: { handle: 'known' } })], session: 'session-cancel' }, optionsPage);
    expect(await journal(db)).toBe(1);
    await imports.handlers['orders.importCancel']({ session: 'session-cancel' }, optionsPage);
    expect(await journal(db)).toBe(0);
    expect(await db.members.get(known)).toMatchObject({ tags: ['vip'], orderCount: 2 });
  });

  it('a backup taken mid-import and restored gets its members brought up to date when the background hears of the restore', async () => {
    const rows = batches();
    const db = await withKnownMember('journal-backup');
    const handlers = createHandlers({ db, now: () => NOW });
    for (const batch of rows) await handlers['orders.import']({ rows: batch, session: 'session-backup' }, optionsPage);
    const backup = (await readBackup((await backupFile(db, NOW)).blob)) as ValidBackup;
    await restoreBackup(db, backup);
    expect((await membersByName(db)).Known).toMatchObject({ orderCount: 1 });
    await handlers['store.reloaded']({}, optionsPage);
    const oneShot = await withKnownMember('journal-backup-one-shot');
    await importOrders(oneShot, rows.flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(oneShot));
  });

  it("the session's end writes its waiting members a slice per commit, each slice let go once committed: the same members as one import", async () => {
    const rows = batches();
    const db = await withKnownMember('journal-slices');
    const cache = await sessionCache(db, 'session-slices', 'import:session-slices');
    for (const batch of rows) await importOrders(db, batch, NOW, cache);
    const deferred = cache.deferred!;
    expect(deferred.pending.size).toBe(3); // ana, bo and known wait for the end
    const stillWaiting: number[] = [];
    const writes = await memberWrites(db, async () => {
      const stop = onCommitted((change) => {
        if (change.db === db.name && keysOf(change, 'members')?.size) stillWaiting.push(deferred.pending.size);
      });
      await writeWaiting(db, deferred, NOW, cache.origin, 1);
      stop();
    });
    // One member per commit, then the journal cleared; a slice's row is let go as soon as it is stored.
    expect(writes.filter((w) => w.length).map((w) => w.length)).toEqual([1, 1, 1]);
    expect(stillWaiting).toEqual([3, 2, 1]);
    expect(deferred.pending.size).toBe(0);
    expect(await journal(db)).toBe(0);
    const oneShot = await withKnownMember('journal-slices-one-shot');
    await importOrders(oneShot, rows.flat(), NOW);
    expect(await membersByName(db)).toEqual(await membersByName(oneShot));
  });

  it("the session's end does not bring back a member removed before the change stream said so, and reads no member row to learn it", async () => {
    const db = await withKnownMember('journal-removed');
    // Members outside the session, on both sides of its members' keys: untouched.
    await db.members.bulkPut([{ ...(await db.members.toArray())[0]!, id: '0-before', displayName: 'Before' }, { ...(await db.members.toArray())[0]!, id: 'zzzz-after', displayName: 'After' }]);
    const cache = await sessionCache(db, 'session-removed', 'import:session-removed');
    const [first, second] = batches();
    for (const batch of [first!, second!]) await importOrders(db, batch, NOW, cache);
    const known = (await db.identities.get('demo:handle:known'))!.memberId;
    const deferred = cache.deferred!;
    expect([...deferred.pending.keys()].sort()).toHaveLength(3);
    // Removed by a writer whose change has not arrived yet (another page's): the session does not know.
    await db.members.delete(known);
    deferred.changedElsewhere = new Set();
    const reads: string[] = [];
    db.members.hook('reading', (row) => (reads.push((row as { id: string } | undefined)?.id ?? '(none)'), row));
    await writeWaiting(db, deferred, NOW, cache.origin, 2);
    expect(reads).toEqual([]);
    const names = (await db.members.toArray()).map((m) => m.displayName).sort();
    expect(names).toEqual(['After', 'Ana', 'Before', 'Bo']);
    expect(await journal(db)).toBe(0);
  });
});
