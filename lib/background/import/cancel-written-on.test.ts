// Cancelling an import takes back the members it created, except one an agent wrote on meanwhile
// (opened in the panel mid-import, then tagged, noted, marked do-not-contact or given a profile
// field, or a reminder added or handled): that buyer stays findable by their handle, with what the agent wrote; only the import's
// orders go.
import { describe, expect, it } from 'vitest';
import type { ReminderRow } from '../../domain/rows';
import type { Handlers, SenderInfo } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { createHandlers } from '../handlers';
import { memoryDb, NOW, order } from '../test-helpers';

const page: SenderInfo = {};
const session = 'session-cancel-kept';
const rows = [
  order({ orderNo: 'K1', buyer: { handle: 'ana', name: 'Ana' }, amountMinor: 20_000 }),
  order({ orderNo: 'K2', buyer: { handle: 'ana', name: 'Ana' }, amountMinor: 5_000 }),
  order({ orderNo: 'K3', buyer: { handle: 'bo', name: 'Bo' } }),
  order({ orderNo: 'K4', buyer: { handle: 'cy', name: 'Cy' } }),
];

const DAY = 86_400_000;
/** A follow-up a journey rule made for the member, as the sweep would. */
const followUp = (memberId: string): ReminderRow => ({
  id: `r-rule-${memberId}`, memberId, dueAt: NOW + DAY, reason: 'followUp', kind: 'followUp', state: 'open', createdAt: NOW, updatedAt: NOW,
});
type Act = (h: Handlers, memberId: string, db: RegularsDb) => Promise<unknown>;
/** The member's follow-up is made, then `act` on it. */
const onFollowUp = (act: (h: Handlers, id: string) => Promise<unknown>): Act => async (h, memberId, db) => {
  await db.reminders.put(followUp(memberId));
  return act(h, followUp(memberId).id);
};

const write: [string, Act][] = [
  ['a tag', (h, memberId) => h['member.addTag']({ memberId, tag: 'gift' }, page)],
  ['a note', (h, memberId) => h['member.addNote']({ memberId, text: 'Asked about wrapping' }, page)],
  ['do-not-contact', (h, memberId) => h['member.update']({ memberId, doNotContact: true }, page)],
  ['a birthday', (h, memberId) => h['member.update']({ memberId, profile: { birthday: '05-12' } }, page)],
  ['a reminder added by hand', (h, memberId) => h['reminder.add']({ memberId, dueAt: NOW + DAY, reason: 'Call back about sizes' }, page)],
  ['their follow-up snoozed', onFollowUp((h, id) => h['reminder.snooze']({ id, until: NOW + 2 * DAY }, page))],
  ['their follow-up done', onFollowUp((h, id) => h['reminder.done']({ id, outcome: 'resolved' }, page))],
  ['their follow-up dismissed', onFollowUp((h, id) => h['reminder.dismiss']({ id }, page))],
  ['their follow-up handed to a colleague', onFollowUp((h, id) => h['reminder.assign']({ id, assignee: 'bob' }, page))],
];

describe('a cancelled import', () => {
  it.each(write)('an agent gave the buyer %s during the import: the member it created stays, with the handle and no orders', async (_, agentWrites) => {
    const db = memoryDb(undefined, undefined, `cancel-kept-${_}`);
    const handlers = createHandlers({ db, now: () => NOW });
    await handlers['orders.import']({ rows, session }, page);
    // Ana is opened (and written on), Bo only opened, Cy never.
    const ana = (await handlers['member.lookup']({ platform: 'demo', handle: 'ana' }, page))!.member.id;
    await agentWrites(handlers, ana, db);
    const bo = (await handlers['member.lookup']({ platform: 'demo', handle: 'bo' }, page))!.member;
    expect(bo.displayName).toBe('Bo');
    // A rule's reminder that nobody touched is no agent's work.
    await db.reminders.put(followUp(bo.id));

    expect(await handlers['orders.importCancel']({ session }, page)).toEqual({ orders: 4, members: 2, kept: 1 });
    expect(await db.orders.count()).toBe(0);
    expect((await db.members.toArray()).map((m) => m.id)).toEqual([ana]);
    const card = await handlers['member.lookup']({ platform: 'demo', handle: 'ana' }, page);
    expect(card?.member).toMatchObject({ id: ana, displayName: 'Ana', orderCount: 0, spendMinor: 0 });
    expect(card?.member.lastOrderAt).toBeUndefined();
    expect(await handlers['member.lookup']({ platform: 'demo', handle: 'bo' }, page)).toBeNull();
    expect(await handlers['member.lookup']({ platform: 'demo', handle: 'cy' }, page)).toBeNull();
    expect((await db.identities.toArray()).map((i) => i.id)).toEqual(['demo:handle:ana']);
  });
});
