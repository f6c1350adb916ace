import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addManualReminder, completeReminder, snoozeReminder } from './reminder-actions';
import { importOrders } from '../import/import-orders';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
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
