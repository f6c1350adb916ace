// A cancels its import unaware of B's tag and note on a buyer it was creating, and B, the only
// machine that wrote on that buyer, goes offline. A, the server and a machine joining the team
// meanwhile must still hold the buyer with their handle, not a member nobody can find by handle
// until B comes back.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { lookupByHandle } from '../members/card';
import { NOW } from '../test-helpers';
import { bWritesOnBuyer3, convergedOnBuyer3, importUnderWay as underWay, page, session, shown } from './early-member-test-helpers';

const machines = teamOnTestServer();
const importUnderWay = () => underWay(machines);
type Team = Awaited<ReturnType<typeof importUnderWay>>;

const IDENTITY = 'identity:demo:handle:buyer3';
/** The revision of buyer3's identity on the server (undefined: deleted). */
const onServer = async ({ a }: Team) => (await a.client.allDocs([IDENTITY])).get(IDENTITY)?._rev;

/** A machine of alice's joining the team now; settled. */
async function freshMachine(team: string) {
  const c = await machines.machine(team, 'alice', 'alice-pw');
  c.engine.start();
  await c.engine.settled(30_000);
  return c;
}

/** A holds buyer3 with their handle and B's tag and note, no orders; so does a machine joining now. */
async function heldWithHandle({ team, a }: Team, id: string) {
  await a.engine.settled(30_000);
  await expect.poll(() => shown(a), { timeout: 15_000 }).toEqual({
    members: [[id, 'buyer3', ['vip'], false, 0, 0, undefined, undefined, expect.any(Number)]],
    identities: [['demo:handle:buyer3', id]],
    notes: [[id, 'asked about sizes', expect.any(String)]],
  });
  expect((await lookupByHandle(a.db, 'demo', 'buyer3', NOW))?.member.tags).toEqual(['vip']);
  const c = await freshMachine(team);
  await expect.poll(() => shown(c), { timeout: 15_000 }).toEqual(await shown(a));
  expect((await lookupByHandle(c.db, 'demo', 'buyer3', NOW))?.member.tags).toEqual(['vip']);
}

describe('A cancels offline, unaware of what B wrote, and B stays offline', () => {
  it("A read B's edits before sending its cancel: it keeps the buyer's handle and sends no deletion of it", async () => {
    const team = await importUnderWay();
    await team.a.engine.stop();
    const id = await bWritesOnBuyer3(team);
    await team.b.engine.settled(30_000);
    await team.b.engine.stop();
    const before = await onServer(team);
    await team.imports.handlers['orders.importCancel']({ session }, page);
    team.a.engine.start();
    await heldWithHandle(team, id);
    expect(await onServer(team)).toBe(before);
    team.b.engine.start();
    await convergedOnBuyer3(team, id, 'buyer3');
  }, 60_000);

  it("B's edits reached the server just before A's deletion of the handle: A reads its deletion back after them and sends the handle again", async () => {
    // A's first push waits until B's edits are on the server and B is offline: A sent its cancel unaware of them.
    let beforePush: (() => Promise<void>) | undefined;
    let held: Promise<void> | undefined;
    const aFetch: typeof fetch = async (input, init) => {
      const hold = String(input).includes('/_bulk_docs') ? beforePush : undefined;
      if (hold) {
        beforePush = undefined;
        await (held = hold());
      }
      return fetch(input, init);
    };
    const team = await underWay(machines, aFetch);
    await team.a.engine.stop();
    await team.imports.handlers['orders.importCancel']({ session }, page);
    let id = '';
    beforePush = async () => {
      id = await bWritesOnBuyer3(team);
      await team.b.engine.settled(30_000);
      await team.b.engine.stop();
    };
    team.a.engine.start();
    await expect.poll(() => held !== undefined, { timeout: 15_000 }).toBe(true);
    await held;
    await heldWithHandle(team, id);
    team.b.engine.start();
    await convergedOnBuyer3(team, id, 'buyer3');
  }, 60_000);
});
