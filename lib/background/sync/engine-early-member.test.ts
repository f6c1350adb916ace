// Machine B while an import on machine A is still creating a buyer: B has the buyer's identity and
// orders (A's batches) and no member row (A writes it at the session's end). An agent on B opens the
// buyer: B fills the row in from its orders, tags and notes at once; when A's row comes, both end
// with A's name, B's tag and note, and the same stats, whichever reaches the other first.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { lookupByHandle, memberIdForHandle } from '../members/card';
import { NOW } from '../test-helpers';
import { BUYERS, importUnderWay as underWay, page, session, shown } from './early-member-test-helpers';

const machines = teamOnTestServer();
const importUnderWay = () => underWay(machines);

describe("a buyer another machine's import is still creating", () => {
  it('opens on B at once with the figures of the orders B has, and takes a tag, a note and Create member', async () => {
    const { b, panel } = await importUnderWay();
    const card = await panel['member.lookup']({ platform: 'demo', handle: 'buyer3' }, page);
    expect(card?.member.displayName).toBe('buyer3');
    const orders = (await b.db.orders.toArray()).filter((o) => o.buyer === 'buyer3');
    expect(card?.member.orderCount).toBe(5);
    expect(card?.member.spendMinor).toBe(orders.reduce((s, o) => s + o.amountMinor, 0));
    expect(card?.orderTotal).toBe(5);
    await panel['member.addTag']({ memberId: card!.member.id, tag: 'vip' }, page);
    await panel['member.addNote']({ memberId: card!.member.id, text: 'asked about sizes' }, page);
    expect((await lookupByHandle(b.db, 'demo', 'buyer3', NOW))?.member.tags).toEqual(['vip']);
    // A panel opened before: "Create member" takes the buyer the import is creating.
    const created = await panel['member.create']({ platform: 'demo', handle: 'buyer4', name: 'someone' }, page);
    expect(created.memberId).toBe(await memberIdForHandle(b.db, 'demo', 'buyer4'));
  }, 60_000);

  it("both machines end with A's names, B's tag and note and the same stats when B's edits reach A before the import ends", async () => {
    const { a, b, imports, panel } = await importUnderWay();
    const card = await panel['member.lookup']({ platform: 'demo', handle: 'buyer3' }, page);
    const id = card!.member.id;
    await panel['member.addTag']({ memberId: id, tag: 'vip' }, page);
    await panel['member.addNote']({ memberId: id, text: 'asked about sizes' }, page);
    await b.engine.settled(30_000);
    // On A, B's tag lands on the import's own row (its name), before the import ends.
    await expect.poll(async () => (await lookupByHandle(a.db, 'demo', 'buyer3', NOW))?.member.tags, { timeout: 10_000 }).toEqual(['vip']);
    expect((await lookupByHandle(a.db, 'demo', 'buyer3', NOW))?.member.displayName).toBe('Name 3');

    await imports.handlers['orders.importEnd']({ session }, page);
    await a.engine.settled(30_000);
    await expect.poll(async () => (await b.db.members.get(id))?.displayName, { timeout: 10_000 }).toBe('Name 3');
    await b.engine.settled(30_000);
    await a.engine.settled(30_000);
    // Settled is about what a machine sends: B's note, sent after its tag, may still be on its way to A.
    await expect.poll(async () => (await shown(a)).notes, { timeout: 10_000 }).toEqual([[id, 'asked about sizes', expect.any(String)]]);
    const onA = await shown(a);
    expect(onA.members).toHaveLength(BUYERS);
    expect(onA.members.find((m) => m[0] === id)?.slice(1, 5)).toEqual(['Name 3', ['vip'], false, 5]);
    await expect.poll(() => shown(b), { timeout: 10_000 }).toEqual(onA);
  }, 60_000);

  it("both machines end the same when A's import ends while B's edits are still on their way (A offline)", async () => {
    const { a, b, imports, panel } = await importUnderWay();
    await a.engine.stop();
    const card = await panel['member.lookup']({ platform: 'demo', handle: 'buyer3' }, page);
    const id = card!.member.id;
    await panel['member.addTag']({ memberId: id, tag: 'vip' }, page);
    await panel['member.addNote']({ memberId: id, text: 'asked about sizes' }, page);
    await b.engine.settled(30_000);
    // A ends its import offline: its row meets B's on the server as a concurrent edit.
    await imports.handlers['orders.importEnd']({ session }, page);
    expect((await a.db.members.get(id))?.tags).toEqual([]);
    a.engine.start();
    await a.engine.settled(30_000);
    await expect.poll(async () => (await b.db.members.get(id))?.displayName, { timeout: 10_000 }).toBe('Name 3');
    await b.engine.settled(30_000);
    await a.engine.settled(30_000);
    await expect.poll(async () => (await shown(a)).notes, { timeout: 10_000 }).toHaveLength(1);
    const onA = await shown(a);
    expect(onA.members.find((m) => m[0] === id)?.slice(1, 5)).toEqual(['Name 3', ['vip'], false, 5]);
    await expect.poll(() => shown(b), { timeout: 10_000 }).toEqual(onA);
  }, 60_000);
});
