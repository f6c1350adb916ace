// Two local stores syncing through a CouchDB-API server (pouchdb-server on loopback): what each
// machine ends with, including after both worked offline.
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../tests/support/couch-server';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { importOrders } from '../import/import-orders';
import { addNote, addTag, removeTag } from '../members/card';
import { updateMember } from '../members/members';
import { NOW, order } from '../test-helpers';
import { SHARED_TABLES } from '../../domain/sync/documents';
import { storeCommitted } from './committed-changes';
import { CouchClient } from './couch';
import { createSyncEngine } from './engine';
import { setUpTeam } from './setup';

const { server, running, newTeam, machine, pairWithBuyer, teamWithShop } = teamOnTestServer();
let dbSeq = 0;

describe('two machines through the team database', () => {
  it('B connects after A imported: every order and member, the tags and notes, counts equal', async () => {
    const orders = Array.from({ length: 120 }, (_, i) => order({ orderNo: `A${i}`, buyer: { handle: `buyer${i % 40}` }, amountMinor: 1000 + i }));
    const { team, a } = await teamWithShop(orders, { before: async ({ db }) => {
      const lily = (await db.members.toArray())[0]!;
      await addTag(db, lily.id, 'gift', NOW);
      await addNote(db, lily.id, 'Buys for her mother', 'Agent A', NOW);
    } });
    const lily = (await a.db.members.toArray())[0]!;

    const b = await machine(team, 'bob', 'bob-pw');
    // What B writes from the team database is not one more change of B's to send back.
    const echoes: unknown[] = [];
    const stopWatching = storeCommitted(b.db.name, Object.keys(SHARED_TABLES))((c) => echoes.push(...c));
    b.engine.start();
    await b.engine.settled(30_000);
    stopWatching();
    expect(echoes).toEqual([]);
    expect(await b.db.orders.count()).toBe(120);
    expect(await b.db.members.count()).toBe(await a.db.members.count());
    expect(await b.db.identities.count()).toBe(await a.db.identities.count());
    const there = await b.db.members.get(lily.id);
    expect(there).toMatchObject({ tags: ['gift'], orderCount: lily.orderCount, spendMinor: lily.spendMinor });
    expect((await b.db.notes.toArray()).map((n) => [n.text, n.author])).toEqual([['Buys for her mother', 'Agent A']]);
  }, 60_000);

  it('a tag and a note made on A reach B while both are connected', async () => {
    const { a, b, buyer: mei } = await pairWithBuyer('mei');
    await addTag(a.db, mei.id, 'gift', NOW + 1);
    await addNote(a.db, mei.id, 'Wants gift wrap', 'Agent A', NOW + 1);
    await expect.poll(async () => (await b.db.members.get(mei.id))?.tags, { timeout: 5000 }).toEqual(['gift']);
    await expect.poll(async () => (await b.db.notes.toArray()).map((n) => n.text), { timeout: 5000 }).toEqual(['Wants gift wrap']);
  }, 30_000);

  it('both worked offline: A adds X and do-not-contact, B adds Y and a note; both end with everything', async () => {
    const { a, b, buyer: lin } = await pairWithBuyer('lin');
    await addTag(a.db, lin.id, 'shared', NOW);
    await a.engine.settled();
    await expect.poll(async () => (await b.db.members.get(lin.id))?.tags, { timeout: 5000 }).toEqual(['shared']);

    await a.engine.stop();
    await b.engine.stop();
    await addTag(a.db, lin.id, 'X', NOW + 10);
    await updateMember(a.db, lin.id, { doNotContact: true, profile: { size: 'M' } }, NOW + 11);
    await removeTag(a.db, lin.id, 'shared', NOW + 12);
    await addTag(b.db, lin.id, 'Y', NOW + 20);
    await addNote(b.db, lin.id, 'Asked about returns', 'Agent B', NOW + 21);
    await updateMember(b.db, lin.id, { profile: { size: 'L', style: 'plain' } }, NOW + 22);

    a.engine.start();
    b.engine.start();
    await a.engine.settled(20_000);
    await b.engine.settled(20_000);
    await a.engine.settled(20_000);
    // The tags are documents of their own and can arrive before the member document that B merged
    // after a 409: wait for the whole state, not for the tags alone.
    for (const m of [a, b]) {
      const state = async () => {
        const row = await m.db.members.get(lin.id);
        return { tags: row?.tags, doNotContact: row?.doNotContact, profile: row?.profile, notes: (await m.db.notes.toArray()).map((n) => n.text) };
      };
      await expect.poll(state, { timeout: 5000 }).toEqual({ tags: ['X', 'Y'], doNotContact: true, profile: { size: 'L', style: 'plain' }, notes: ['Asked about returns'] });
    }
  }, 60_000);

  it('do-not-contact set offline on A survives B\'s tag arriving first (the member row is not rewritten from the last synced version)', async () => {
    const { a, b, buyer: ren } = await pairWithBuyer('ren');
    await a.engine.stop();
    await updateMember(a.db, ren.id, { doNotContact: true }, NOW + 10);
    await addTag(a.db, ren.id, 'X', NOW + 11);
    // B's tag reaches the server before A is back: A pulls it while its own do-not-contact still waits.
    await addTag(b.db, ren.id, 'Y', NOW + 20);
    await b.engine.settled();
    a.engine.start();
    await a.engine.settled(20_000);
    for (const m of [a, b]) {
      await expect.poll(async () => (await m.db.members.get(ren.id))?.doNotContact, { timeout: 5000 }).toBe(true);
      expect((await m.db.members.get(ren.id))?.tags).toEqual(['X', 'Y']);
    }
  }, 60_000);

  it('a user who is not a member of the team database gets nothing and sends nothing', async () => {
    const { team } = await teamWithShop([order({ buyer: { handle: 'kim' } })]);
    await setUpTeam({ server: server().url, db: `${team}x`, admin: server().admin, members: [{ name: 'carol', password: 'carol-pw' }] });
    const c = await machine(team, 'carol', 'carol-pw');
    await importOrders(c.db, [order({ orderNo: 'C1', buyer: { handle: 'secret' } })], NOW);
    c.engine.start();
    await expect.poll(() => c.engine.status().state, { timeout: 5000 }).toBe('notMember');
    expect(await c.db.orders.count()).toBe(1);
    const admin = new CouchClient({ server: server().url, db: team, cookies: 'memory' });
    await admin.logIn(server().admin.name, server().admin.password);
    expect((await admin.allDocs(['order:demo:C1'])).size).toBe(0);
  }, 30_000);

  it('a team database nobody set up stops with its own state, not offline and retrying', async () => {
    await newTeam();
    const a = await machine(`shop-nobody-made-${++dbSeq}`, 'alice', 'alice-pw');
    a.engine.start();
    await expect.poll(() => a.engine.status().state, { timeout: 5000 }).toBe('noDatabase');
  }, 30_000);

  it('a wrong password is refused at sign-in with 401', async () => {
    const team = await newTeam();
    const client = new CouchClient({ server: server().url, db: team, cookies: 'memory' });
    await expect(client.logIn('alice', 'nope')).rejects.toMatchObject({ status: 401 });
  });

  it('a malformed document written by an admin is skipped and listed; sync goes on', async () => {
    const { team } = await teamWithShop([order({ buyer: { handle: 'ok' } })]);
    const admin = new CouchClient({ server: server().url, db: team, cookies: 'memory' });
    await admin.logIn(server().admin.name, server().admin.password);
    await admin.bulkDocs([{ _id: 'order:demo:bad', type: 'order', row: { id: 'demo:bad', amountMinor: 'a lot' }, member: { at: 1, by: 'admin' } }]);
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled();
    expect(b.engine.status().skipped.map((s) => s.id)).toEqual(['order:demo:bad']);
    expect(await b.db.orders.count()).toBe(1);
  }, 30_000);

  it('the server refuses a note changed by someone other than its author', async () => {
    let note = { id: '' };
    const { team, a } = await teamWithShop([order({ buyer: { handle: 'zoe' } })], { before: async ({ db }) => (note = await addNote(db, (await db.members.toArray())[0]!.id, 'Likes green', 'Agent A', NOW)) });
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled();
    await b.db.notes.update(note.id, { text: 'Likes red', updatedAt: NOW + 5 });
    await expect.poll(() => b.engine.status().refused?.reason, { timeout: 5000 }).toMatch(/author/);
    expect((await a.db.notes.get(note.id))?.text).toBe('Likes green');
  }, 30_000);

  it('the server down: offline and retrying, local work goes on and waits', async () => {
    const team = await newTeam();
    const a = await machine(team, 'alice', 'alice-pw');
    // A loopback port nothing listens on: every request fails as it does when the server is down.
    const down = `http://127.0.0.1:${await freePort()}`;
    const dead = createSyncEngine({ db: a.db, state: a.state, client: new CouchClient({ server: down, db: team, cookies: 'memory' }), me: 'alice', now: () => Date.now(), subscribe: storeCommitted(a.db.name, Object.keys(SHARED_TABLES)) });
    running.push(dead);
    dead.start();
    await expect.poll(() => dead.status().state, { timeout: 5000 }).toBe('offline');
    await importOrders(a.db, [order({ buyer: { handle: 'offline' } })], NOW);
    expect(await a.db.orders.count()).toBe(1);
    await expect.poll(() => dead.status().waiting, { timeout: 5000 }).toBeGreaterThan(0);
  }, 30_000);
});
