// Reminder ids must not depend on the shop's time zone: changing it (the machine default, then the
// shop's own) must not make a second reminder for the same occasion.
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import type { ReminderRow } from '../../domain/rows';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
import { updateMember } from '../members/members';
import { snoozeReminder } from './reminder-actions';
import { evaluateMembers } from './reminders';
import { sweepReminders } from './sweep';

const LAPSE = 60;
// Late in the UTC day: 20:00 UTC is already the next day in Singapore.
const LAST = NOW - (LAPSE + 3) * DAY + 8 * 3_600_000;

let db: RegularsDb;
let member: string;
beforeEach(async () => {
  db = memoryDb();
  await writeSettings(db, { timeZone: 'UTC', lapseDays: LAPSE });
  await importOrders(db, [order({ orderNo: 'w1', buyer: { handle: 'hafiz' }, placedAt: LAST })], NOW - 30 * DAY);
  member = (await db.identities.get('demo:handle:hafiz'))!.memberId;
});

const winBacks = async () => (await db.reminders.where('memberId').equals(member).toArray()).filter((r) => r.kind === 'winBack');
const active = async () => (await winBacks()).filter((r) => r.state === 'open' || r.state === 'snoozed');
/** A win-back reminder as the version before stable ids wrote it: keyed on the last order's local date. */
const legacy = (localDate: string, over: Partial<ReminderRow> = {}): ReminderRow => ({
  id: `winBack:${member}:${localDate}`,
  memberId: member,
  kind: 'winBack',
  reason: 'winBack',
  refAt: LAST,
  detail: '1/3',
  dueAt: NOW - 2 * DAY,
  priority: 1,
  state: 'open',
  createdAt: NOW - 2 * DAY,
  updatedAt: NOW - 2 * DAY,
  ...over,
});
const utcDate = new Date(LAST).toISOString().slice(0, 10);
const sgDate = new Date(LAST + DAY).toISOString().slice(0, 10);

describe('reminder ids across a time zone change', () => {
  it('a lapsed buyer keeps one open win-back touch when the shop moves to another time zone', async () => {
    await sweepReminders(db, NOW);
    expect((await active()).map((r) => [r.state, r.detail])).toEqual([['open', '1/3']]);
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    await sweepReminders(db, NOW + 3_600_000);
    expect((await active()).map((r) => [r.state, r.detail])).toEqual([['open', '1/3']]);
  });

  it('a touch done before the change is not made again after it', async () => {
    await sweepReminders(db, NOW);
    const [touch] = await active();
    await db.reminders.update(touch!.id, { state: 'done', outcome: 'resolved' });
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    await sweepReminders(db, NOW + 3_600_000);
    expect((await winBacks()).map((r) => r.state)).toEqual(['done']);
  });

  it('an open touch stored with an old-style id is recognised, not made twice', async () => {
    await db.reminders.add(legacy(utcDate));
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    await sweepReminders(db, NOW);
    expect((await winBacks()).map((r) => [r.id, r.state])).toEqual([[`winBack:${member}:${utcDate}`, 'open']]);
  });

  it('a snoozed old-style touch stays snoozed and alone', async () => {
    await db.reminders.add(legacy(sgDate));
    await snoozeReminder(db, `winBack:${member}:${sgDate}`, NOW + 2 * DAY, NOW - DAY);
    await sweepReminders(db, NOW);
    expect((await winBacks()).map((r) => [r.id, r.state])).toEqual([[`winBack:${member}:${sgDate}`, 'snoozed']]);
  });

  it('a store that already holds the same touch twice (both old ids) keeps one and retires the other', async () => {
    await db.reminders.bulkAdd([legacy(utcDate), legacy(sgDate, { state: 'snoozed', dueAt: NOW + DAY })]);
    await sweepReminders(db, NOW);
    const rows = await winBacks();
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      [`winBack:${member}:${utcDate}`, 'dismissed'],
      [`winBack:${member}:${sgDate}`, 'snoozed'],
    ]);
  });

  it('an old touch of an earlier lapse (a day before the last order) is no stand-in for the new one', async () => {
    const before = new Date(LAST - DAY).toISOString().slice(0, 10);
    await db.reminders.add(legacy(before, { refAt: LAST - DAY, state: 'done' }));
    await sweepReminders(db, NOW);
    expect((await active()).map((r) => [r.state, r.detail])).toEqual([['open', '1/3']]);
  });
});

describe('the other kinds key on rows, not local dates', () => {
  it('an unpaid nudge, a follow-up, a second-purchase push and a birthday greeting keep their ids in another time zone', async () => {
    const late = (days: number) => NOW - days * DAY + 8 * 3_600_000;
    await importOrders(
      db,
      [
        order({ orderNo: 'u1', buyer: { handle: 'sharon' }, status: 'unpaid', placedAt: NOW - 3 * 3_600_000 }),
        order({ orderNo: 'd1', buyer: { handle: 'sharon' }, status: 'delivered', placedAt: late(20), deliveredAt: late(15) }),
        order({ orderNo: 'f1', buyer: { handle: 'ann' }, placedAt: late(30) }),
      ],
      NOW,
    );
    const ids = (await db.members.toArray()).map((m) => m.id);
    await updateMember(db, ids.find((id) => id !== member)!, { profile: { birthday: new Date(NOW + 2 * DAY).toISOString().slice(5, 10) } }, NOW);
    await evaluateMembers(db, ids, NOW);
    const before = (await db.reminders.toArray()).map((r) => r.id).sort();
    expect([...new Set((await db.reminders.toArray()).map((r) => r.kind))]).toEqual(expect.arrayContaining(['unpaid', 'followUp', 'secondPurchase', 'birthday', 'winBack']));
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    await evaluateMembers(db, ids, NOW + 3_600_000);
    await sweepReminders(db, NOW + 3_600_000, undefined, true);
    expect((await db.reminders.toArray()).map((r) => r.id).sort()).toEqual(before);
  });
});
