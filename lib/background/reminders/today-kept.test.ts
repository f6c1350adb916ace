import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { forgetKeptToday, keptToday, KEPT_TODAY_KEY, type KeptArea } from '../../messaging/today-kept';
import { writeJourneySettings } from '../../store/journey-settings';
import { writeSettings } from '../../store/settings';
import { createHandlers } from '../handlers';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';
import { addManualReminder, completeReminder } from './reminder-actions';
import { todayKeeper } from './today-kept';

const HOUR = 3_600_000;
const sender = { id: 'x' };
/** The popup's first request (entrypoints/popup/early.ts). */
const FIRST = { locale: 'en', mine: false, perGroup: 10, firstRows: 9 } as const;

function sessionArea(): KeptArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, structuredClone(v))),
    remove: async (key) => void items.delete(key),
  };
}

/** A shop in UTC with one member and one reminder due today; the background's handlers with Today kept in `area`. */
async function shop(area: KeptArea, factory = new IDBFactory()) {
  const db = memoryDb(undefined, factory);
  await writeSettings(db, { timeZone: 'UTC' });
  await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
  const memberId = (await db.identities.get('demo:handle:lily_chen'))!.memberId;
  const call = await addManualReminder(db, { memberId, dueAt: NOW + HOUR, reason: 'Call back about sizes' }, NOW);
  const h = createHandlers({ db, now: () => NOW, journeys: { keptToday: todayKeeper(area, db.name) } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { db, memberId, call, h, settle };
}
const reasons = (answer: { rows: { reason: string }[] } | undefined) => answer?.rows.map((r) => r.reason);

describe("Today's first screen kept for a popup that wakes the worker", () => {
  it('is the answer the background gave, its time moved on to the moment the popup reads it', async () => {
    const area = sessionArea();
    const { h, settle } = await shop(area);
    const answered = await h['reminders.today'](FIRST, sender);
    await settle();
    const kept = await keptToday(FIRST, area, Date.now() + 60_000);
    expect(kept).toEqual({ ...answered, now: expect.any(Number) });
    expect(kept!.now - answered.now).toBeGreaterThanOrEqual(60_000);
    expect(reasons(kept)).toEqual(['Call back about sizes']);
  });

  it('is gone once a reminder is done, added, or a member or setting changes, until the background answers again', async () => {
    const area = sessionArea();
    const { db, memberId, call, h, settle } = await shop(area);
    const changes: [string, () => Promise<unknown>][] = [
      ['done', () => completeReminder(db, call.id, 'resolved', 'chat', NOW)],
      ['added', () => addManualReminder(db, { memberId, dueAt: NOW + 2 * HOUR, reason: 'Send the invoice' }, NOW)],
      ['renamed', () => db.members.update(memberId, { displayName: 'Lily Chen' })],
      ['setting', () => writeSettings(db, { lapseDays: 120 })],
      ['template', () => writeJourneySettings(db, { templates: { manual: { en: 'Hello {name}' } } })],
    ];
    for (const [what, change] of changes) {
      await h['reminders.today'](FIRST, sender);
      await settle();
      expect(await keptToday(FIRST, area), what).toBeDefined();
      await change();
      await settle();
      expect(await keptToday(FIRST, area), what).toBeUndefined();
    }
    await h['reminders.today'](FIRST, sender);
    await settle();
    expect(reasons(await keptToday(FIRST, area))).toEqual(['Send the invoice']);
    expect((await keptToday(FIRST, area))!.rows[0]!.memberName).toBe('Lily Chen');
  });

  it("stays when a waking worker writes its own bookkeeping beside the settings: the report snapshot, the sweep's and notifications' times", async () => {
    const area = sessionArea();
    const { db, h, settle } = await shop(area);
    await h['reminders.today'](FIRST, sender);
    await settle();
    await db.settings.bulkPut([
      { key: 'reportSnapshot', value: { stale: true } },
      { key: 'remindersSweptAt', value: NOW },
      { key: 'remindersNotifiedThrough', value: NOW },
    ]);
    await settle();
    expect(reasons(await keptToday(FIRST, area))).toEqual(['Call back about sizes']);
  });

  it('is gone after a write in another extension page, and a restore removes it before it writes', async () => {
    const area = sessionArea();
    const factory = new IDBFactory();
    const { memberId, h, settle } = await shop(area, factory);
    await h['reminders.today'](FIRST, sender);
    await settle();
    await addManualReminder(memoryDb(undefined, factory), { memberId, dueAt: NOW + 2 * HOUR, reason: 'Send the invoice' }, NOW);
    await settle();
    expect(await keptToday(FIRST, area)).toBeUndefined();
    await h['reminders.today'](FIRST, sender);
    await settle();
    await forgetKeptToday(area);
    expect(area.items.has(KEPT_TODAY_KEY)).toBe(false);
  });

  it('is not kept from a list read across a write, nor used on the next day, for another question, or while rules are still running', async () => {
    const area = sessionArea();
    const { db, memberId, h, settle } = await shop(area);
    const keeper = todayKeeper(area, db.name);
    const mark = keeper.mark();
    const answer = await h['reminders.today'](FIRST, sender);
    await settle();
    area.items.clear();
    await addManualReminder(db, { memberId, dueAt: NOW + 2 * HOUR, reason: 'Send the invoice' }, NOW);
    keeper.keep(mark, FIRST, answer);
    await settle();
    expect(area.items.has(KEPT_TODAY_KEY)).toBe(false);

    await h['reminders.today'](FIRST, sender);
    await settle();
    expect(await keptToday(FIRST, area)).toBeDefined();
    // NOW is 12:00 UTC: the shop's day ends in 12 hours.
    expect(await keptToday(FIRST, area, Date.now() + 11 * HOUR)).toBeDefined();
    expect(await keptToday(FIRST, area, Date.now() + 13 * HOUR)).toBeUndefined();
    expect(await keptToday({ ...FIRST, locale: 'zh-CN' }, area)).toBeUndefined();
    expect(await keptToday({ ...FIRST, mine: true }, area)).toBeUndefined();
    expect(await keptToday({ ...FIRST, memberId }, area)).toBeUndefined();
    expect(await keptToday({ ...FIRST, firstRows: undefined }, area)).toBeUndefined();

    area.items.clear();
    keeper.keep(keeper.mark(), FIRST, { ...answer, updating: true });
    await h['reminders.today']({ ...FIRST, firstRows: undefined }, sender);
    await settle();
    expect(area.items.has(KEPT_TODAY_KEY)).toBe(false);
  });
});
