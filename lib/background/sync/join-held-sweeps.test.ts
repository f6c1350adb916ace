// "Check rules now" and a new tier ladder while a join brings the team's shop: the rules would read
// half its orders and make reminders, shared rows the team gets, from them. Both wait for the join's
// end; the agent who asked is told so; the ladder re-ranks the members here at once.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { DEFAULT_TIER_LADDER } from '../../domain/tiers';
import { createHandlers } from '../handlers';
import { createScheduler } from '../reminders/scheduler';
import { sweepReminders } from '../reminders/sweep';
import { followingTheTeam, followUpShop, midJoinAt, quiet } from './join-test-helpers';

const machines = teamOnTestServer();
const sender = { id: 'x' };

/**
 * Bob joins alice's shop with the background's reminders and handlers; `ask` runs once its third
 * page is read. Returns its answer, the reminders bob's computer held then, how long after the ask
 * the last sweep ran, and the follow-ups bob's computer holds at the end.
 */
async function askMidJoin<T>(ask: (handlers: ReturnType<typeof createHandlers>) => Promise<T>) {
  const { team } = await followUpShop(machines);
  const clock = () => Date.now();
  const follow = followingTheTeam(clock);
  let tierSweep: Promise<unknown> | undefined;
  const mid: { answer?: T; reminders?: number; at?: number } = {};
  const hook = midJoinAt(3, async () => {
    mid.at = clock();
    mid.answer = await ask(handlers);
    await tierSweep;
    mid.reminders = await b.db.reminders.count();
  });
  const b = await machines.machine(team, 'bob', 'bob-pw', { fetch: hook.fetch, onApplied: follow.onApplied });
  const sweepHeld = () => b.engine.catchingUp();
  const scheduler = createScheduler({ db: b.db, now: clock, browser: quiet, me: async () => 'bob', sweepHeld });
  Object.assign(follow.to, { db: b.db, scheduler });
  // As the background wires them (entrypoints/background/index.ts).
  const handlers = createHandlers({
    db: b.db,
    now: clock,
    journeys: { onRemindersChanged: () => void scheduler.reconcile(), sweepHeld },
    onTiersChanged: () => void (tierSweep = sweepReminders(b.db, clock()).then(() => scheduler.reconcile())),
  });
  // The hourly check ran just before: only what is asked mid-join makes the join's end sweep.
  await scheduler.reconcile();
  b.engine.start();
  await b.engine.settled(30_000);
  await follow.followed();
  await scheduler.reconcile();
  const sweptAt = (await b.db.settings.get('remindersSweptAt'))?.value as number;
  const followUps = (await b.db.reminders.toArray()).filter((r) => r.kind === 'followUp').length;
  return { ...mid, pages: hook.pages(), sweptAfter: sweptAt - mid.at!, followUps };
}

describe('asked for while a join brings the shop', () => {
  it('"Check rules now" says the rules run once the shop is here, makes nothing from half of it, and runs at the join\'s end', async () => {
    const r = await askMidJoin((h) => h['reminders.sweep']({}, sender));
    expect(r.pages).toBeGreaterThan(3);
    expect(r.answer).toEqual({ created: 0, suppressed: 0, reopened: 0, obsolete: 0, heldForJoin: true });
    expect(r.reminders).toBe(0);
    expect(r.sweptAfter).toBeGreaterThan(0);
    expect(r.followUps).toBeGreaterThan(0);
  }, 60_000);

  it('a new ladder re-ranks the members here at once; the reminders it owes wait for the join, and the agent is told', async () => {
    const ladder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s, i) => (i ? { ...s, minOrders: i, minSpendMinor: i * 1000 } : s)) };
    const r = await askMidJoin((h) => h['tiers.apply']({ ladder }, sender));
    expect(r.pages).toBeGreaterThan(3);
    expect(r.answer).toMatchObject({ remindersHeld: true });
    expect(r.answer!.members).toBeGreaterThan(0);
    expect(r.reminders).toBe(0);
    expect(r.sweptAfter).toBeGreaterThan(0);
    expect(r.followUps).toBeGreaterThan(0);
  }, 60_000);
});
