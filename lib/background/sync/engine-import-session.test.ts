// An import session on A writes its new members' rows only at its end (import/member-journal.ts):
// until then the team database has their identities and orders and no member document. B must take
// those as they come, and end with the members A ends with.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { importCapability } from '../import/handlers';
import { lookupByHandle } from '../members/card';
import { NOW, order } from '../test-helpers';

const { newTeam, machine } = teamOnTestServer();
const optionsPage = {};

describe('an import session under way on another machine', () => {
  it("B gets the session's orders and identities before their members, then each member with every order's stats", async () => {
    const team = await newTeam();
    const a = await machine(team, 'alice', 'alice-pw');
    const b = await machine(team, 'bob', 'bob-pw');
    a.engine.start();
    b.engine.start();
    const imports = importCapability(a.db, () => NOW);
    const session = 'session-team';
    const batch = (from: number) => Array.from({ length: 20 }, (_, i) => order({ orderNo: `S${from + i}`, buyer: { handle: `buyer${(from + i) % 8}` }, amountMinor: 1000 + i }));
    await imports.handlers['orders.import']({ rows: batch(0), session }, optionsPage);
    await imports.handlers['orders.import']({ rows: batch(20), session }, optionsPage);
    await a.engine.settled(30_000);
    await expect.poll(() => b.db.orders.count(), { timeout: 10_000 }).toBe(40);
    // B has what A has: orders and identities, no member rows yet, nothing refused or listed as bad.
    expect(await b.db.identities.count()).toBe(await a.db.identities.count());
    expect(await b.db.members.count()).toBe(0);
    expect(await lookupByHandle(b.db, 'demo', 'buyer3', NOW)).toBeNull();
    expect(b.engine.status().skipped).toEqual([]);

    await imports.handlers['orders.importEnd']({ session }, optionsPage);
    await a.engine.settled(30_000);
    await expect.poll(() => b.db.members.count(), { timeout: 10_000 }).toBe(8);
    const onA = await a.db.members.orderBy('id').toArray();
    const onB = await b.db.members.orderBy('id').toArray();
    expect(onB.map((m) => [m.id, m.orderCount, m.spendMinor])).toEqual(onA.map((m) => [m.id, m.orderCount, m.spendMinor]));
    expect(onB.every((m) => m.orderCount === 5)).toBe(true);
    expect((await lookupByHandle(b.db, 'demo', 'buyer3', NOW))?.member.orderCount).toBe(5);
  }, 60_000);
});
