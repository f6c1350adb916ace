// Test-only: machine A imports a session of orders and has not ended it; machine B caught up with its
// batches, so B holds the buyers' identities and orders and no member rows (A writes them at the end).
import { expect } from 'vitest';
import { lookupByHandle } from '../members/card';
import type { SenderInfo } from '../../messaging/router';
import { importCapability } from '../import/handlers';
import { memberHandlers } from '../members/handlers';
import { NOW, order } from '../test-helpers';
import { writeTeamMember } from './team-member';
import type { teamMachines } from './test-helpers';

export const page: SenderInfo = {};
export const session = 'session-early';
export const BUYERS = 8;

const batch = (from: number) =>
  Array.from({ length: 20 }, (_, i) => {
    const k = (from + i) % BUYERS;
    return order({ orderNo: `E${from + i}`, buyer: { handle: `buyer${k}`, name: `Name ${k}` }, amountMinor: 1000 + 100 * i, placedAt: NOW - (from + i) * 86_400_000 });
  });

type Machines = Pick<ReturnType<typeof teamMachines>, 'newTeam' | 'machine'>;
type Machine = Awaited<ReturnType<Machines['machine']>>;

/** A imports two batches of a session and has not ended it; B has caught up with them. Each has its panel's handlers. `aFetch`: A's requests to the server. */
export async function importUnderWay({ newTeam, machine }: Machines, aFetch?: typeof fetch) {
  const team = await newTeam();
  // A's engine and import capability as the background wires them (lib/background/handlers.ts).
  const a = await machine(team, 'alice', 'alice-pw', { writeWaiting: (id) => imports.writeWaitingMember(id), ...(aFetch ? { fetch: aFetch } : {}) });
  const b = await machine(team, 'bob', 'bob-pw');
  const imports = importCapability(a.db, () => NOW);
  a.engine.start();
  b.engine.start();
  await imports.handlers['orders.import']({ rows: batch(0), session }, page);
  await imports.handlers['orders.import']({ rows: batch(20), session }, page);
  await a.engine.settled(30_000);
  await expect.poll(() => b.db.orders.count(), { timeout: 10_000 }).toBe(40);
  expect(await b.db.members.count()).toBe(0);
  // Each machine's panel, with the hook the background gives it (lib/background/handlers.ts).
  const panel = memberHandlers(b.db, () => NOW, { writeWaiting: (id) => writeTeamMember(b.db, b.state, id, NOW, 'bob') });
  const panelA = memberHandlers(a.db, () => NOW, { writeWaiting: (id) => imports.writeWaitingMember(id) });
  return { team, a, b, imports, panel, panelA };
}

/** What a machine shows of every member, their identities, and each member's notes. */
export const shown = async (m: Pick<Machine, 'db'>) => ({
  members: (await m.db.members.orderBy('id').toArray()).map((r) => [r.id, r.displayName, r.tags, r.doNotContact, r.orderCount, r.spendMinor, r.firstOrderAt, r.lastOrderAt, r.createdAt]),
  identities: (await m.db.identities.orderBy('id').toArray()).map((i) => [i.id, i.memberId]),
  notes: (await m.db.notes.toArray()).map((n) => [n.memberId, n.text, n.author]),
});

type Team = Awaited<ReturnType<typeof importUnderWay>>;

/** B's agent opens buyer3, tags and notes them; the member's id. */
export async function bWritesOnBuyer3({ panel }: Team): Promise<string> {
  const card = await panel['member.lookup']({ platform: 'demo', handle: 'buyer3' }, page);
  const id = card!.member.id;
  await panel['member.addTag']({ memberId: id, tag: 'vip' }, page);
  await panel['member.addNote']({ memberId: id, text: 'asked about sizes' }, page);
  return id;
}

/** Both machines show the same: buyer3 alone, with B's tag and note, its handle, no orders. */
export async function convergedOnBuyer3({ a, b }: Pick<Team, 'a' | 'b'>, id: string, name: string) {
  const expected = {
    members: [[id, name, ['vip'], false, 0, 0, undefined, undefined, expect.any(Number)]],
    identities: [['demo:handle:buyer3', id]],
    notes: [[id, 'asked about sizes', expect.any(String)]],
  };
  await expect.poll(() => shown(b), { timeout: 15_000 }).toEqual(expected);
  await expect.poll(() => shown(a), { timeout: 15_000 }).toEqual(await shown(b));
  await a.engine.settled(30_000);
  await b.engine.settled(30_000);
  expect(await shown(a)).toEqual(await shown(b));
  for (const m of [a, b]) {
    expect(await m.db.orders.count()).toBe(0);
    expect((await lookupByHandle(m.db, 'demo', 'buyer3', NOW))?.member.tags).toEqual(['vip']);
    expect(await lookupByHandle(m.db, 'demo', 'buyer4', NOW)).toBeNull();
  }
}
