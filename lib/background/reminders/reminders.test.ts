import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import { writeJourneySettings } from '../../store/journey-settings';
import { updateMember } from '../members/members';
import { activeDueBefore, dueTodayCount, nextDueAt } from './due';
import { addManualReminder, completeReminder, dismissReminder, snoozeReminder } from './reminder-actions';
import { evaluateMembers, KEYS_ABOVE } from './reminders';
import { sweepReminders } from './sweep';
import { readSettings, writeSettings } from '../../store/settings';
import { onCommitted, touches } from '../../store/changes';
import { importOrders } from '../import/import-orders';
import { DAY, keepTiers, memoryDb, NOW, order } from '../test-helpers';

// NOW is 23 Nov 2026 20:00 in Singapore.
const SG = 'Asia/Singapore';
const HOUR = 3_600_000;
const iso = (ts: number) => new Date(ts).toISOString().slice(0, 16);

let db: RegularsDb;
beforeEach(async () => {
  db = memoryDb(undefined, undefined, 'reminders-in-the-store');
  await writeSettings(db, { timeZone: SG });
});

async function memberId(handle = 'lily_chen') {
  return (await db.identities.get(`demo:handle:${handle}`))!.memberId;
}
const all = () => db.reminders.toArray();

describe('reminders in the store', () => {
  it('a sweep leaves the settings alone: what it read is noted where no settings reader is told to read again', async () => {
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    const held = await readSettings(db);
    const settingsWrites: string[] = [];
    const stop = onCommitted((change) => {
      if (change.db === db.name && touches(change, ['settings'])) settingsWrites.push(change.tables.map((t) => t.table).join());
    });
    try {
      await sweepReminders(db, NOW + HOUR);
      await sweepReminders(db, NOW + 2 * HOUR);
    } finally {
      stop();
    }
    expect(settingsWrites).toEqual([]);
    expect(await readSettings(db)).toBe(held);
    expect((await all()).map((r) => r.kind)).toEqual(['unpaid']);
  });

  it('an imported unpaid order produces a nudge at the next allowed hour, once however often rules run', async () => {
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    const id = await memberId();
    const first = await evaluateMembers(db, [id], NOW);
    expect(first.created).toBe(1);
    await evaluateMembers(db, [id], NOW + HOUR);
    await sweepReminders(db, NOW + 2 * HOUR);
    await sweepReminders(db, NOW + 3 * HOUR);
    const rows = await all();
    expect(rows.map((r) => [r.id, r.kind, r.state, iso(r.dueAt)])).toEqual([[`unpaid:${id}:demo:u1`, 'unpaid', 'open', '2026-11-24T01:00']]);
  });

  it('a nudge that was done is not made again by the next sweep', async () => {
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    await sweepReminders(db, NOW);
    const [nudge] = await all();
    await completeReminder(db, nudge!.id, 'resolved', 'chat', NOW + HOUR);
    await sweepReminders(db, NOW + 2 * HOUR);
    expect((await all()).map((r) => r.state)).toEqual(['done']);
  });

  it.each([10, KEYS_ABOVE + 100])('among %i nudges a sweep proposes, done and dismissed ones are not made again', async (buyers) => {
    const orders = Array.from({ length: buyers }, (_, i) => order({ orderNo: `u${i}`, status: 'unpaid', placedAt: NOW - HOUR, buyer: { handle: `buyer_${i}` } }));
    await importOrders(db, orders, NOW);
    await sweepReminders(db, NOW);
    const made = await all();
    expect(made).toHaveLength(buyers);
    await completeReminder(db, made[0]!.id, 'resolved', 'chat', NOW + HOUR);
    await dismissReminder(db, made[buyers - 1]!.id, NOW + HOUR);
    await db.reminders.delete(made[1]!.id);
    // As after a big import: every recent order is read again, so each nudge is proposed again.
    const again = await sweepReminders(db, NOW + 2 * HOUR, undefined, true);
    const states = new Map((await all()).map((r) => [r.id, r.state]));
    expect(again.created).toBe(1);
    expect(states.size).toBe(buyers);
    expect([states.get(made[0]!.id), states.get(made[1]!.id), states.get(made[buyers - 1]!.id)]).toEqual(['done', 'open', 'dismissed']);
  });

  it('once the order is paid, its open nudge is dismissed', async () => {
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    await sweepReminders(db, NOW);
    await importOrders(db, [order({ orderNo: 'u1', status: 'paid', placedAt: NOW - HOUR, paidAt: NOW })], NOW + HOUR);
    await evaluateMembers(db, [await memberId()], NOW + HOUR);
    // Paid now, the order will get its follow-up after delivery instead.
    expect((await all()).map((r) => [r.kind, r.state, r.suppressedBecause])).toEqual([['followUp', 'open', undefined], ['unpaid', 'dismissed', 'noLongerApplies']]);
  });

  it('the sweep after a big import dismisses nudges of orders paid since; the hourly one leaves that to per-member evaluation', async () => {
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    await sweepReminders(db, NOW);
    await importOrders(db, [order({ orderNo: 'u1', status: 'paid', placedAt: NOW - HOUR, paidAt: NOW })], NOW + HOUR);
    await sweepReminders(db, NOW + HOUR);
    const nudge = async () => (await all()).filter((r) => r.kind === 'unpaid').map((r) => r.state);
    expect(await nudge()).toEqual(['open']);
    await sweepReminders(db, NOW + HOUR, undefined, true);
    expect(await nudge()).toEqual(['dismissed']);
  });

  it('a buyer who orders again keeps one follow-up: the earlier order\'s is dismissed, the new order gets its own', async () => {
    await importOrders(db, [order({ orderNo: 'a', status: 'delivered', placedAt: NOW - 9 * DAY, deliveredAt: NOW - 5 * DAY })], NOW);
    await evaluateMembers(db, [await memberId()], NOW);
    await importOrders(db, [order({ orderNo: 'b', status: 'shipped', placedAt: NOW - DAY, shippedAt: NOW })], NOW + HOUR);
    await evaluateMembers(db, [await memberId()], NOW + HOUR);
    const followUps = (await all()).filter((r) => r.kind === 'followUp').map((r) => [r.orderId, r.state, r.detail]);
    expect(followUps).toEqual([['demo:a', 'dismissed', 'delivered'], ['demo:b', 'open', 'shipped']]);
  });

  it('a member moved up a tier by a recent order gets a tier-upgrade reminder from the sweep', async () => {
    const tiers = await keepTiers(db, () => NOW - DAY);
    await importOrders(db, [order({ orderNo: 'a', placedAt: NOW - 100 * DAY })], NOW - 100 * DAY);
    await importOrders(db, [order({ orderNo: 'b', placedAt: NOW - DAY, amountMinor: 20_000 })], NOW - DAY);
    await tiers.settled();
    await sweepReminders(db, NOW);
    expect((await all()).filter((r) => r.kind === 'tierUp').map((r) => r.detail)).toEqual(['silver']);
  });

  it('a do-not-contact member gets reminders only as suppressed, manual ones included, and they come back when the flag is lifted', async () => {
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    const id = await memberId();
    await updateMember(db, id, { doNotContact: true }, NOW);
    await evaluateMembers(db, [id], NOW);
    await addManualReminder(db, { memberId: id, dueAt: NOW + DAY, reason: 'Ask about size' }, NOW);
    expect((await all()).map((r) => [r.state, r.suppressedBecause])).toEqual([
      ['suppressed', 'doNotContact'],
      ['suppressed', 'doNotContact'],
    ]);
    expect(await dueTodayCount(db, NOW, SG)).toBe(0);
    await updateMember(db, id, { doNotContact: false }, NOW + HOUR);
    await evaluateMembers(db, [id], NOW + HOUR);
    expect((await all()).map((r) => r.state)).toEqual(['open', 'open']);
  });

  it('done logs a contact, and the frequency cap holds the member\'s next reminder until 24 hours have passed', async () => {
    await importOrders(db, [order({ orderNo: 'd1', status: 'delivered', placedAt: NOW - 20 * DAY, deliveredAt: NOW - 15 * DAY })], NOW);
    const id = await memberId();
    await evaluateMembers(db, [id], NOW);
    const [followUp] = await all();
    expect(iso(followUp!.dueAt)).toBe('2026-11-24T03:00'); // 11:00 next day: 20:00 is outside 11:00-16:00
    const manual = await addManualReminder(db, { memberId: id, dueAt: NOW, reason: 'Thank for the review' }, NOW);
    await completeReminder(db, manual.id, 'resolved', 'chat', NOW);
    expect(await db.contacts.toArray()).toMatchObject([{ memberId: id, reason: 'Thank for the review', at: NOW, channel: 'chat' }]);
    // Contacted at 20:00: not again before 20:00 tomorrow, which is after the 11:00-16:00 window, so 11:00 the day after.
    expect(iso((await db.reminders.get(followUp!.id))!.dueAt)).toBe('2026-11-25T03:00');
  });

  it('a follow-up marked "left open" brings the second follow-up at 30 days', async () => {
    await importOrders(db, [order({ orderNo: 'd1', status: 'delivered', placedAt: NOW - 20 * DAY, deliveredAt: NOW - 15 * DAY })], NOW);
    await sweepReminders(db, NOW);
    const [followUp] = await all();
    await completeReminder(db, followUp!.id, 'leftOpen', 'chat', NOW + DAY);
    const second = (await all()).find((r) => r.kind === 'followUp2');
    expect(second && iso(second.dueAt)).toBe('2026-12-09T03:00'); // delivered 8 Nov 20:00 + 30 days, 11:00 SG
  });

  it('switching a rule off in settings stops it; the due count and next due time follow the store', async () => {
    await writeJourneySettings(db, { rules: { unpaid: { enabled: false } } });
    await importOrders(db, [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], NOW);
    await sweepReminders(db, NOW);
    expect(await all()).toEqual([]);
    const id = await memberId();
    const r = await addManualReminder(db, { memberId: id, dueAt: NOW + HOUR, reason: 'Call back' }, NOW);
    expect(await nextDueAt(db, NOW)).toBe(NOW + HOUR);
    expect(await dueTodayCount(db, NOW, SG)).toBe(1);
    await snoozeReminder(db, r.id, NOW + DAY, NOW);
    expect(await dueTodayCount(db, NOW, SG)).toBe(0);
    expect((await activeDueBefore(db, NOW + 2 * DAY)).map((x) => x.state)).toEqual(['snoozed']);
  });

  it('a sweep skips orders and tier changes it already read, yet one stored since, or a rule switched back on, is swept', async () => {
    await importOrders(db, [order({ orderNo: 'd1', status: 'delivered', placedAt: NOW - 20 * DAY, deliveredAt: NOW - 16 * DAY })], NOW);
    const first = await sweepReminders(db, NOW);
    expect(first.created).toBe(1);
    // Nothing changed: nothing new, nothing twice.
    expect((await sweepReminders(db, NOW + HOUR)).created).toBe(0);
    // An order stored without being evaluated (as a restore does) is seen by the next sweep.
    await importOrders(db, [order({ orderNo: 'd2', buyer: { handle: 'mei' }, status: 'delivered', placedAt: NOW - 20 * DAY, deliveredAt: NOW - 15 * DAY })], NOW);
    expect((await sweepReminders(db, NOW + 2 * HOUR)).created).toBe(1);
    expect((await sweepReminders(db, NOW + 3 * HOUR)).created).toBe(0);
    // Follow-ups switched off while an order arrives, then on again: the orders are read again.
    await writeJourneySettings(db, { rules: { followUp: { enabled: false } } });
    await importOrders(db, [order({ orderNo: 'd3', buyer: { handle: 'ann' }, status: 'delivered', placedAt: NOW - 20 * DAY, deliveredAt: NOW - 14 * DAY })], NOW);
    expect((await sweepReminders(db, NOW + 4 * HOUR)).created).toBe(0);
    expect((await sweepReminders(db, NOW + 5 * HOUR)).created).toBe(0);
    await writeJourneySettings(db, { rules: { followUp: { enabled: true } } });
    expect((await sweepReminders(db, NOW + 6 * HOUR)).created).toBe(1);
    expect((await all()).filter((r) => r.orderId === 'demo:d3').map((r) => r.kind)).toEqual(['followUp']);
    // A tier change written past the rules (as a merge does) is swept too.
    const ann = await memberId('ann');
    await db.members.update(ann, { orderCount: 2, spendMinor: 10_000, lastOrderAt: NOW }); // Silver
    await db.tierChanges.add({ id: 'tc_x', memberId: ann, from: 'regular', to: 'silver', direction: 'up', at: NOW + 6 * HOUR });
    expect((await sweepReminders(db, NOW + 7 * HOUR)).created).toBe(1);
    expect((await all()).filter((r) => r.kind === 'tierUp').map((r) => r.memberId)).toEqual([ann]);
  });

  it('refuses rule settings that make no sense, naming the field', async () => {
    await expect(writeJourneySettings(db, { rules: { followUp: { window: { start: 600, end: 600 } } } })).rejects.toThrow(/followUp\.window.*same time/);
    await expect(writeJourneySettings(db, { rules: { nope: {} } })).rejects.toThrow(/No journey rule "nope"/);
  });
});
