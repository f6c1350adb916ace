// Joining a team sends nothing back: the reminders' hourly check falling due while the shop is still
// arriving waits for the join's end (its rules would read half the shop's orders, and the reminders
// they made are shared rows: they went out to the team), then runs on the whole shop.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { createScheduler } from '../reminders/scheduler';
import { followUpShop, HOUR, quiet } from './join-test-helpers';
import { followTeamChanges } from '../reminders/team-changes';

const machines = teamOnTestServer();
const { machine } = machines;

describe('joining a team while the reminders fall due', () => {
  it("sends nothing to the team: the hourly check due mid-join waits for the join's end, then makes the reminders from the whole shop", async () => {
    const { team } = await followUpShop(machines);
    let offset = 0;
    const clock = () => Date.now() + offset;
    const held: { reconcile?: () => Promise<unknown>; engine?: { status(): { progress?: unknown } } } = {};
    let pages = 0;
    let outboxMidJoin: number | undefined;
    const sentWhileJoining: string[] = [];
    const watching: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/_bulk_docs') && held.engine?.status().progress) sentWhileJoining.push(url);
      const res = await fetch(input, init);
      // The third page of the shop: the hour is up, and the scheduler's alarm fires.
      if (url.includes('/_changes') && ++pages === 3 && held.reconcile) {
        offset += 2 * HOUR;
        await held.reconcile();
        outboxMidJoin = await b.state.outbox.count();
      }
      return res;
    };
    let following: Promise<unknown> = Promise.resolve();
    const b = await machine(team, 'bob', 'bob-pw', {
      fetch: watching,
      // As the background wires it: the reminders follow what arrived, then the scheduler checks.
      onApplied: (_t, members) => void (following = following.then(() => followTeamChanges(b.db, members, clock())).then(() => scheduler.reconcile())),
    });
    const scheduler = createScheduler({ db: b.db, now: clock, browser: quiet, me: async () => 'bob', sweepHeld: () => b.engine.catchingUp() });
    await scheduler.reconcile();
    held.reconcile = () => scheduler.reconcile();
    held.engine = b.engine;
    b.engine.start();
    await b.engine.settled(30_000);
    await following;

    expect(pages).toBeGreaterThan(3);
    expect(outboxMidJoin).toBe(0);
    expect(sentWhileJoining).toEqual([]);
    // The check that waited ran once the shop was here: its follow-ups are on bob's computer.
    expect((await b.db.reminders.toArray()).filter((r) => r.kind === 'followUp').length).toBeGreaterThan(0);
  }, 60_000);
});
