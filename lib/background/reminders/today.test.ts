import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_LADDER } from '../../domain/tiers';
import { translator } from '../../i18n';
import { reminderLabel } from '../../reminders/label';
import { writeSettings } from '../../store/settings';
import { addManualReminder, completeReminder, snoozeReminder } from './reminder-actions';
import { sweepReminders } from './sweep';
import { importOrders } from '../import/import-orders';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
import { applyTierLadder } from '../tiers/tiers';
import { todayList } from './today';

const HOUR = 3_600_000;

describe("the popup's Today list", () => {
  it('follows every change of the reminders, in this context or another, while it keeps them between opens', async () => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const memberId = (await db.identities.get('demo:handle:lily_chen'))!.memberId;
    const ids = async (at = NOW) => (await todayList(db, at, { locale: 'en' })).rows.map((r) => [r.reason, r.section]);
    expect(await ids()).toEqual([]);
    const call = await addManualReminder(db, { memberId, dueAt: NOW - DAY, reason: 'Call back about sizes' }, NOW);
    expect(await ids()).toEqual([['Call back about sizes', 'overdue']]);
    await snoozeReminder(db, call.id, NOW + 2 * DAY, NOW);
    expect(await ids()).toEqual([['Call back about sizes', 'upcoming']]);
    // Another extension page (or a woken worker) writes: the list here hears of it.
    const other = memoryDb(undefined, factory);
    await addManualReminder(other, { memberId, dueAt: NOW + HOUR, reason: 'Send the invoice' }, NOW);
    expect(await ids()).toEqual([['Send the invoice', 'today'], ['Call back about sizes', 'upcoming']]);
    await completeReminder(db, call.id, 'resolved', 'chat', NOW);
    expect(await ids()).toEqual([['Send the invoice', 'today']]);
    // A member renamed in the panel shows with the new name.
    await db.members.update(memberId, { displayName: 'Lily Chen' });
    expect((await todayList(db, NOW, { locale: 'en' })).rows.map((r) => r.memberName)).toEqual(['Lily Chen']);
    // Two days later the same reminder is overdue: the list is made for the day it is asked on.
    expect(await ids(NOW + 2 * DAY)).toEqual([['Send the invoice', 'overdue']]);
  });
});

describe('the parcel gift (VIP care)', () => {
  it('a paid order of a Gold member asks the packer to add the gift for Gold, in the screen’s language, until the order ships', async () => {
    const db = memoryDb(undefined, undefined, 'parcel-gift');
    // 12:00 in the shop's zone: within the default packing hours (09:00–18:00).
    await writeSettings(db, { timeZone: 'UTC' });
    const steps = DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'gold' ? { ...s, gift: { en: 'a tea sample', 'zh-CN': '茶叶小样' } } : s));
    await applyTierLadder(db, { ...DEFAULT_TIER_LADDER, steps }, NOW);
    // Five delivered orders of 120.00 make a Gold member (and a Silver one, of two, gets no gift); one more is paid, to be packed.
    const paid = order({ orderNo: 'P-1', status: 'paid', amountMinor: 12_000, placedAt: NOW - HOUR, paidAt: NOW - HOUR });
    const gold = Array.from({ length: 5 }, (_, k) => order({ amountMinor: 12_000, placedAt: NOW - (40 + k) * DAY }));
    const silver = [order({ buyer: { handle: 'kamal88' }, amountMinor: 6_000 }), order({ buyer: { handle: 'kamal88' }, orderNo: 'P-2', status: 'paid', amountMinor: 6_000, placedAt: NOW - HOUR, paidAt: NOW - HOUR })];
    await importOrders(db, [...gold, paid, ...silver], NOW);
    await sweepReminders(db, NOW);
    const gifts = async (locale: 'en' | 'zh-CN') => (await todayList(db, NOW, { locale })).rows.filter((r) => r.kind === 'parcelGift');
    const en = await gifts('en');
    expect(en.map((r) => [r.orderNo, r.tier.id, reminderLabel(translator('en'), r, NOW)])).toEqual([['P-1', 'gold', 'Add the gift for Gold: a tea sample']]);
    expect((await gifts('zh-CN')).map((r) => reminderLabel(translator('zh-CN'), r, NOW))).toEqual(['黄金会员的包裹请放入赠品：茶叶小样']);

    // Shipped before anyone packed the gift: the reminder goes.
    await importOrders(db, [{ ...paid, status: 'shipped', shippedAt: NOW + HOUR }], NOW + 2 * HOUR);
    await sweepReminders(db, NOW + 2 * HOUR, undefined, true);
    expect((await todayList(db, NOW + 2 * HOUR, { locale: 'en' })).rows.filter((r) => r.kind === 'parcelGift')).toEqual([]);
  });

  it('is kept between opens through the bookkeeping a waking worker writes, and made again when a setting it shows changes', async () => {
    const db = memoryDb(undefined, undefined, 'today-bookkeeping');
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const memberId = (await db.identities.get('demo:handle:lily_chen'))!.memberId;
    await addManualReminder(db, { memberId, dueAt: NOW + HOUR, reason: 'Call back about sizes' }, NOW);
    const first = await todayList(db, NOW, { locale: 'en' });
    // The report snapshot, when reminders were last swept and notified: the same list, not read again.
    await db.settings.bulkPut([
      { key: 'reportSnapshot', value: { stale: true } },
      { key: 'remindersSweptAt', value: NOW },
      { key: 'remindersNotifiedThrough', value: NOW },
    ]);
    expect((await todayList(db, NOW, { locale: 'en' })).rows).toBe(first.rows);
    // The tier ladder renamed: the list shows the new name.
    await writeSettings(db, { tierLadder: { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s, i) => (i === 0 ? { ...s, name: 'Friend' } : s)) } });
    const renamed = await todayList(db, NOW, { locale: 'en' });
    expect(renamed.rows).not.toBe(first.rows);
    expect(renamed.rows.map((r) => r.tier.name)).toEqual(['Friend']);
  });
});
