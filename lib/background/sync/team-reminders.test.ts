// Reminders across the team, through the sync path to what each computer stores and shows in Today:
// a colleague's contact counts against the frequency cap, do-not-contact set on one computer
// suppresses the other's reminders, a reminder assigned to B notifies B only, and the same reminder
// made by both computers' sweeps is one, whose Done holds.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { updateMember } from '../members/members';
import { addManualReminder, assignReminder, completeReminder } from '../reminders/reminder-actions';
import { createScheduler, type ReminderBrowser } from '../reminders/scheduler';
import { followTeamChanges } from '../reminders/team-changes';
import { todayList } from '../reminders/today';
import { logContacts } from '../segments/segments';
import { order } from '../test-helpers';
import type { RegularsDb } from '../../store/database';

const { teamWithShop, machine } = teamOnTestServer();

const HOUR = 3_600_000;

/** A computer whose reminders follow what arrives from the team, as the background wires it. */
async function agent(team: string, user: 'alice' | 'bob') {
  let following: Promise<unknown> = Promise.resolve();
  const here: { db?: RegularsDb } = {};
  const m = await machine(team, user, `${user}-pw`, { onApplied: (_t, members) => void (following = following.then(() => followTeamChanges(here.db!, members, Date.now()))) });
  here.db = m.db;
  return { ...m, followed: () => following };
}

/** A and B both connected, with one buyer A imported. */
async function twoAgents() {
  const { team, a } = await teamWithShop([order({ buyer: { handle: 'mika' } })], { open: (team) => agent(team, 'alice') });
  const b = await agent(team, 'bob');
  b.engine.start();
  await b.engine.settled(20_000);
  const memberId = (await a.db.members.toArray())[0]!.id;
  return { a, b, memberId };
}

const sectionOn = async (db: RegularsDb, id: string, me?: string, mine = false) => (await todayList(db, Date.now(), { locale: 'en', me, mine })).rows.find((r) => r.id === id)?.section;

describe('reminders across the team', () => {
  it("a contact logged by A counts against the frequency cap on B's computer: B's follow-up leaves today", async () => {
    const { a, b, memberId } = await twoAgents();
    const now = Date.now();
    await b.db.reminders.add({ id: 'r-follow', memberId, kind: 'followUp', reason: 'followUp', dueAt: now - 60_000, state: 'open', createdAt: now, updatedAt: now });
    expect(await sectionOn(b.db, 'r-follow')).toMatch(/^(today|overdue)$/);
    await b.engine.settled();
    await expect.poll(async () => (await a.db.reminders.get('r-follow'))?.state, { timeout: 5000 }).toBe('open');

    await logContacts(a.db, [memberId], 'sms', 'restock offer', now);
    // The follow-up rule's cap is 24 h: the reminder waits at least until then, on both computers.
    await expect.poll(async () => (await b.db.reminders.get('r-follow'))?.dueAt, { timeout: 8000 }).toBeGreaterThanOrEqual(now + 24 * HOUR);
    await b.followed();
    expect(await sectionOn(b.db, 'r-follow')).toBe('upcoming');
    expect(await b.db.contacts.count()).toBe(1);
    await expect.poll(async () => (await a.db.reminders.get('r-follow'))?.dueAt, { timeout: 5000 }).toBeGreaterThanOrEqual(now + 24 * HOUR);
  }, 60_000);

  it('do-not-contact set on A while both were offline suppresses the reminder B made for that buyer, on both computers', async () => {
    const { a, b, memberId } = await twoAgents();
    await a.engine.stop();
    await b.engine.stop();
    const now = Date.now();
    const mine = await addManualReminder(b.db, { memberId, dueAt: now + HOUR, reason: 'Call about the refund', assignee: 'bob' }, now);
    await updateMember(a.db, memberId, { doNotContact: true }, now + 1);
    b.engine.start();
    await b.engine.settled();
    a.engine.start();
    await a.engine.settled(20_000);
    await b.engine.settled(20_000);
    for (const m of [a, b]) {
      await expect.poll(async () => (await m.db.reminders.get(mine.id))?.state, { timeout: 8000 }).toBe('suppressed');
      expect((await m.db.members.get(memberId))?.doNotContact).toBe(true);
    }
    await b.followed();
    expect(await sectionOn(b.db, mine.id, 'bob')).toBe('suppressed');
  }, 60_000);

  it("the same follow-up made by both computers' sweeps while offline ends one reminder on both, and A's Done holds against B's later copy", async () => {
    const { a, b, memberId } = await twoAgents();
    await a.engine.stop();
    await b.engine.stop();
    const now = Date.now();
    // A sweep names a reminder by its rule, member and order: both computers make the same id.
    const id = `followUp:${memberId}:demo:O-1`;
    const made = (at: number) => ({ id, memberId, kind: 'followUp' as const, reason: 'followUp', dueAt: now - 60_000, state: 'open' as const, createdAt: at, updatedAt: at });
    await a.db.reminders.add(made(now));
    await completeReminder(a.db, id, 'resolved', 'chat', now + 1000);
    await b.db.reminders.add(made(now + 5000));
    a.engine.start();
    await a.engine.settled(20_000);
    b.engine.start();
    await b.engine.settled(20_000);
    await a.engine.settled(20_000);
    for (const m of [a, b]) {
      await expect.poll(async () => (await m.db.reminders.get(id))?.state, { timeout: 8000 }).toBe('done');
      await expect.poll(() => m.db.contacts.count(), { timeout: 8000 }).toBe(1);
    }
    const held = async (db: RegularsDb) => (await db.reminders.where('memberId').equals(memberId).toArray()).map((r) => `${r.id} ${r.state}`).sort();
    expect(await held(b.db)).toEqual(await held(a.db));
    await b.followed();
    expect(await sectionOn(b.db, id)).toBeUndefined();
  }, 60_000);

  it('a reminder A assigns to B notifies B on B\'s computer only, and shows under B\'s "Mine"', async () => {
    const { a, b, memberId } = await twoAgents();
    const notified = { alice: [] as string[], bob: [] as string[] };
    const fake = (who: 'alice' | 'bob'): ReminderBrowser => ({ setAlarm: () => undefined, notify: (id) => void notified[who].push(id), clearNotification: () => undefined, setBadge: () => undefined, openMember: () => undefined, openToday: () => undefined, iconUrl: 'icon.png', uiLanguage: 'en' });
    const onA = createScheduler({ db: a.db, now: () => Date.now(), browser: fake('alice'), me: async () => 'alice' });
    const onB = createScheduler({ db: b.db, now: () => Date.now(), browser: fake('bob'), me: async () => 'bob' });
    await Promise.all([onA.reconcile(), onB.reconcile()]);

    const now = Date.now();
    const r = await addManualReminder(a.db, { memberId, dueAt: now - 1000, reason: 'Send the size chart', assignee: 'alice' }, now);
    await assignReminder(a.db, r.id, 'bob', now + 1);
    await onA.reconcile();
    await expect.poll(async () => (await b.db.reminders.get(r.id))?.assignee, { timeout: 5000 }).toBe('bob');
    await b.followed();
    await onB.reconcile();
    expect(notified.bob).toEqual([`reminder:${r.id}`]);
    expect(notified.alice).toEqual([]);
    expect(await sectionOn(b.db, r.id, 'bob', true)).toBeDefined();
    expect(await sectionOn(a.db, r.id, 'alice', true)).toBeUndefined();
  }, 60_000);
});
