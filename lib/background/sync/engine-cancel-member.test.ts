// Machine A cancels its import after an agent on B opened a buyer it was creating, and tagged and
// noted them. What the team sees, on every machine, whatever reached the server first: the import's
// orders and the members nobody wrote on are gone; the buyer B wrote on stays, found by their handle,
// with B's tag and note and no orders.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { lookupByHandle } from '../members/card';
import { NOW } from '../test-helpers';
import { bWritesOnBuyer3, convergedOnBuyer3, importUnderWay as underWay, page, session } from './early-member-test-helpers';

const machines = teamOnTestServer();
const importUnderWay = () => underWay(machines);

describe('A cancels an import after B wrote on a buyer it was creating', () => {
  it("B's tag and note reached A before the cancel: A keeps the buyer, and B loses only the orders", async () => {
    const team = await importUnderWay();
    const id = await bWritesOnBuyer3(team);
    await team.b.engine.settled(30_000);
    await expect.poll(async () => (await lookupByHandle(team.a.db, 'demo', 'buyer3', NOW))?.member.tags, { timeout: 10_000 }).toEqual(['vip']);
    await team.imports.handlers['orders.importCancel']({ session }, page);
    await team.a.engine.settled(30_000);
    await convergedOnBuyer3(team, id, 'Name 3');
  }, 60_000);

  it("the cancel reached the server before B's edits (B offline): B keeps the buyer and sends it back", async () => {
    const team = await importUnderWay();
    await team.b.engine.stop();
    const id = await bWritesOnBuyer3(team);
    await team.imports.handlers['orders.importCancel']({ session }, page);
    await team.a.engine.settled(30_000);
    team.b.engine.start();
    await convergedOnBuyer3(team, id, 'buyer3');
  }, 60_000);

  it("A cancelled offline, unaware of B's edits on the server: both end with the buyer", async () => {
    const team = await importUnderWay();
    await team.a.engine.stop();
    const id = await bWritesOnBuyer3(team);
    await team.b.engine.settled(30_000);
    await team.imports.handlers['orders.importCancel']({ session }, page);
    team.a.engine.start();
    await convergedOnBuyer3(team, id, 'buyer3');
  }, 60_000);

  it("A's agent had opened the buyer too (A's member document on the server): B keeps it against A's deletion", async () => {
    const team = await importUnderWay();
    const { a, b, panelA } = team;
    await panelA['member.lookup']({ platform: 'demo', handle: 'buyer3' }, page);
    await a.engine.settled(30_000);
    await expect.poll(async () => (await lookupByHandle(b.db, 'demo', 'buyer3', NOW))?.member.displayName, { timeout: 10_000 }).toBe('Name 3');
    await b.engine.stop();
    const id = await bWritesOnBuyer3(team);
    await team.imports.handlers['orders.importCancel']({ session }, page);
    await a.engine.settled(30_000);
    expect(await a.db.members.count()).toBe(0);
    b.engine.start();
    await convergedOnBuyer3(team, id, 'Name 3');
  }, 60_000);
});
