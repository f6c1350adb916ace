import { beforeEach, describe, expect, it } from 'vitest';
import type { Holiday } from '../../domain';
import type { RegularsDb } from '../../store/database';
import { writeJourneySettings } from '../../store/journey-settings';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { updateMember } from '../members/members';
import { DAY, memoryDb, order } from '../test-helpers';
import { audienceMembers } from './audience';
import { completeReminder, snoozeReminder } from './reminder-actions';
import { createScheduler, type NotificationOptions, type ReminderBrowser } from './scheduler';
import { sweepReminders } from './sweep';
import { todayList } from './today';

const HOUR = 3_600_000;
let db: RegularsDb;
beforeEach(() => {
  db = memoryDb();
});

const idOf = async (handle: string) => (await db.identities.get(`demo:handle:${handle}`))!.memberId;
/** Three orders of `minor` each, long ago: 200.00 a time makes a Gold member. */
const buyer = (handle: string, minor: number, at: number, n = 3) =>
  Array.from({ length: n }, (_, i) => order({ orderNo: `${handle}-${i}`, buyer: { handle, name: handle }, amountMinor: minor, placedAt: at - 200 * DAY }));

// A built-in holiday for the Gold tier in Singapore, and a shop's own day for a saved segment in New York.
const VARIANTS: { name: string; zone: string; at: number; holiday: Holiday; detail: string; segment: boolean }[] = [
  { name: 'Christmas for Gold, Singapore', zone: 'Asia/Singapore', at: Date.UTC(2026, 11, 23, 4), holiday: { id: 'christmas', builtIn: 'christmas', name: '', tiers: ['gold'], segments: [] }, detail: 'christmas', segment: false },
  { name: "the shop's own day for a saved segment, New York", zone: 'America/New_York', at: Date.UTC(2027, 2, 12, 15), holiday: { id: 'shop-day', name: 'Shop day', date: '03-14', tiers: [], segments: [], segmentId: 'vip' }, detail: 'Shop day', segment: true },
];

describe('a holiday greeting for a whole audience', () => {
  it.each(VARIANTS)('is one stored reminder, listed in Today member by member, and stored per member only where an agent acts ($name)', async ({ zone, at, holiday, detail, segment }) => {
    await writeSettings(db, { timeZone: zone });
    await importOrders(db, [...buyer('ann', 20_000, at), ...buyer('bo', 30_000, at), ...buyer('cy', 25_000, at), ...buyer('dee', 20_000, at), ...buyer('ed', 1_000, at, 1)], at - DAY);
    await updateMember(db, await idOf('dee'), { doNotContact: true }, at - DAY);
    const [ann, bo, cy, ed] = await Promise.all(['ann', 'bo', 'cy', 'ed'].map(idOf));
    // The saved segment holds the four Gold members and, later, Ed; the tier rule follows the tier.
    const vip = new Set([ann!, bo!, cy!, await idOf('dee')]);
    const resolveSegment = segment ? async () => vip : undefined;
    await writeJourneySettings(db, { rules: { holiday: { enabled: true, daysBefore: 1, holidays: [holiday] } } });

    await sweepReminders(db, at, resolveSegment);
    const stored = (await db.reminders.toArray()).filter((r) => r.kind === 'holiday');
    expect(stored.map((r) => [r.id, r.memberId, r.detail, r.state])).toEqual([[`holiday:*:${holiday.id}:${new Date(at).getUTCFullYear()}`, '*', detail, 'open']]);

    const today = async (when = at) => {
      const list = await todayList(db, when, { locale: 'en', resolveSegment });
      const rows = list.rows.filter((r) => r.kind === 'holiday');
      return { total: list.groups.filter((g) => g.kind === 'holiday').reduce((n, g) => n + g.total, 0), rows: rows.map((r) => [r.memberName, r.section, r.state]), ids: rows.map((r) => r.id) };
    };
    // Highest spend first; Dee asked not to be contacted; Ed is in neither audience.
    const first = await today();
    expect(first.total).toBe(3);
    expect(first.rows).toEqual([['bo', 'upcoming', 'open'], ['cy', 'upcoming', 'open'], ['ann', 'upcoming', 'open']]);
    expect((await todayList(db, at, { locale: 'en', resolveSegment, memberId: cy })).rows.map((r) => r.memberName)).toEqual(['cy']);

    // Done for Bo and a snooze for Cy are stored for them alone; the audience greeting stays one row.
    await completeReminder(db, first.ids[0]!, 'resolved', 'chat', at);
    await snoozeReminder(db, first.ids[1]!, at + 3 * DAY, at);
    const own = await db.reminders.bulkGet(first.ids.slice(0, 2));
    expect(own.map((r) => [r?.memberId, r?.state, r?.kind])).toEqual([[bo, 'done', 'holiday'], [cy, 'snoozed', 'holiday']]);
    expect((await db.contacts.where('memberId').equals(bo!).toArray()).map((c) => c.reason)).toEqual(['holiday']);
    expect((await today()).rows).toEqual([['ann', 'upcoming', 'open'], ['cy', 'upcoming', 'snoozed']]);

    // Ed joins the audience (reaches Gold, or the segment): listed without a row of his own, by the next look.
    vip.add(ed!);
    await importOrders(db, buyer('ed', 30_000, at).map((o, i) => ({ ...o, orderNo: `ed-late-${i}` })), at);
    await sweepReminders(db, at + HOUR, resolveSegment);
    expect((await today(at + HOUR)).rows.map((r) => r[0])).toEqual(['ed', 'ann', 'cy']);
    expect((await db.reminders.toArray()).filter((r) => r.kind === 'holiday')).toHaveLength(3);
  });

  it('falls due as one notification naming how many members to greet', async () => {
    const at = Date.UTC(2026, 11, 23, 4);
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    await importOrders(db, [...buyer('ann', 20_000, at), ...buyer('bo', 30_000, at)], at - DAY);
    await writeJourneySettings(db, { rules: { holiday: { enabled: true, daysBefore: 1, holidays: [VARIANTS[0]!.holiday] } } });
    const notes: [string, NotificationOptions][] = [];
    const opened: string[] = [];
    const browser: ReminderBrowser = {
      setAlarm: () => undefined,
      notify: (id, options) => void notes.push([id, options]),
      clearNotification: () => undefined,
      setBadge: () => undefined,
      openMember: (id) => void opened.push(id),
      openToday: () => void opened.push('today'),
      iconUrl: 'icon/128.png',
      uiLanguage: 'en-US',
    };
    let clock = at;
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile();
    // Christmas Eve, 10:00 in Singapore: the greeting falls due.
    clock = Date.UTC(2026, 11, 24, 2, 30);
    await s.reconcile();
    expect(notes.map(([id, n]) => [id, n.message])).toEqual([['reminder:holiday:*:christmas:2026', 'Holiday greeting: Christmas · 2 members to greet']]);
    await s.onClicked(notes[0]![0]);
    expect(opened).toEqual(['today']);
  });

  it("is kept through a waking worker's bookkeeping in the settings table, and made again when the holiday's rules change", async () => {
    const at = Date.UTC(2026, 11, 23, 4);
    const christmas = VARIANTS[0]!.holiday;
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    await importOrders(db, [...buyer('ann', 20_000, at), ...buyer('bo', 30_000, at), ...buyer('ed', 1_000, at, 1)], at - DAY);
    await writeJourneySettings(db, { rules: { holiday: { enabled: true, daysBefore: 1, holidays: [christmas] } } });
    await sweepReminders(db, at);
    const audience = (await db.reminders.toArray()).find((r) => r.kind === 'holiday')!;
    const first = await audienceMembers(db, audience, at);
    expect(first.map((m) => m.id)).toEqual([await idOf('bo'), await idOf('ann')]);
    // The report snapshot, when reminders were last swept and notified: the same list, not made again.
    await db.settings.bulkPut([
      { key: 'reportSnapshot', value: { stale: true } },
      { key: 'remindersSweptAt', value: at },
      { key: 'remindersNotifiedThrough', value: at },
    ]);
    expect(await audienceMembers(db, audience, at)).toBe(first);
    // Christmas now greets Regular members too: Ed is in the audience.
    await writeJourneySettings(db, { rules: { holiday: { enabled: true, daysBefore: 1, holidays: [{ ...christmas, tiers: ['gold', 'regular'] }] } } });
    const again = await audienceMembers(db, audience, at);
    expect(again).not.toBe(first);
    expect(again.map((m) => m.id)).toEqual([await idOf('bo'), await idOf('ann'), await idOf('ed')]);
  });
});
