import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import { addManualReminder as addReminder } from '../reminders/reminder-actions';
import { createMember, editNote, linkHandle, memberOrders, searchMembers, updateMember } from './members';
import { addNote, lookupByHandle, memberCard } from './card';
import { importOrders } from '../import/import-orders';
import { StoreError } from '../../store/store-error';
import { DAY, memoryDb, NOW, order } from '../test-helpers';

let db: RegularsDb;
beforeEach(() => {
  db = memoryDb();
});

const code = (code: string) => (e: unknown) => e instanceof StoreError && e.code === code;

describe('members made and linked in the chat', () => {
  it('an unknown buyer becomes a member with one click, with no orders', async () => {
    const id = await createMember(db, { platform: 'demo', handle: '@New.Buyer', name: 'New Buyer' }, NOW);
    const card = await lookupByHandle(db, 'demo', 'new.buyer', NOW);
    expect(card?.member).toMatchObject({ id, displayName: 'New Buyer', orderCount: 0, tierId: 'regular' });
    expect(card?.buyerKind).toBe('prospect');
  });

  it('a handle that already belongs to someone cannot be created again', async () => {
    await createMember(db, { platform: 'demo', handle: 'mei' }, NOW);
    await expect(createMember(db, { platform: 'demo', handle: 'MEI' }, NOW)).rejects.toSatisfy(code('conflict'));
  });

  it('a new handle linked to an existing member shows that member', async () => {
    await importOrders(db, [order()], NOW);
    const id = (await db.members.toArray())[0]!.id;
    await linkHandle(db, id, 'shopee', 'lily.sg', NOW);
    expect((await lookupByHandle(db, 'shopee', 'lily.sg', NOW))?.member.id).toBe(id);
    expect((await db.identities.get('shopee:handle:lily.sg'))?.linkedBy).toBe('manual');
  });

  it('a handle of another member is not silently moved by linking', async () => {
    await importOrders(db, [order(), order({ buyer: { handle: 'mei' } })], NOW);
    const lily = (await lookupByHandle(db, 'demo', 'lily_chen', NOW))!.member.id;
    await expect(linkHandle(db, lily, 'demo', 'mei', NOW)).rejects.toSatisfy(code('conflict'));
  });

  it.each([
    ['a name prefix, any case', 'lily c', 'Lily Chen'],
    ['a handle prefix', 'lily_', 'Lily Chen'],
    ['a phone, formatted differently', '+65 9123', 'Lily Chen'],
    ['an e-mail prefix', 'lily@exa', 'Lily Chen'],
  ])('search finds a member by %s', async (_name, query, want) => {
    await importOrders(db, [order({ buyer: { handle: 'lily_chen', name: 'Lily Chen', phone: '+6591234567', email: 'lily@example.com' } }), order({ buyer: { handle: 'mei', name: 'Mei Lin' } })], NOW);
    const hits = await searchMembers(db, query);
    expect(hits.map((h) => h.displayName)).toEqual([want]);
    expect(hits[0]!.handles).toEqual(['lily_chen']);
  });

  it('search finds handles of every platform and phones and e-mails by the same prefix, and no other value', async () => {
    await importOrders(db, [order({ buyer: { handle: 'anna_k', name: 'Anna K' } }), order({ buyer: { handle: 'bo', name: 'Bo', email: 'anna.b@example.com' } })], NOW);
    const lin = await createMember(db, { platform: 'taobao', handle: 'anna林' }, NOW);
    await linkHandle(db, lin, 'woocommerce', 'zed', NOW);
    const hits = await searchMembers(db, 'ANNA');
    expect(hits.map((h) => [h.displayName, h.matched]).sort()).toEqual([['Anna K', 'Anna K'], ['Bo', 'anna.b@example.com'], ['anna林', 'anna林']]);
    expect((await searchMembers(db, 'ze')).map((h) => h.matched)).toEqual(['zed']);
    expect(await searchMembers(db, 'handle')).toEqual([]);
    expect(await searchMembers(db, 'example')).toEqual([]);
  });
});

describe('profile, notes and reminders', () => {
  it('profile fields are filled in and cleared, and a bad birthday is refused', async () => {
    const id = await createMember(db, { platform: 'demo', handle: 'mei' }, NOW);
    await updateMember(db, id, { profile: { birthday: '05-12', size: 'M', style: 'minimal' } }, NOW);
    const m = await updateMember(db, id, { profile: { style: '' }, doNotContact: true }, NOW);
    expect(m.profile).toEqual({ birthday: '05-12', size: 'M' });
    expect(m.doNotContact).toBe(true);
    await expect(updateMember(db, id, { profile: { birthday: '12 May' } }, NOW)).rejects.toSatisfy(code('invalid'));
  });

  it('a note can be edited by its author only', async () => {
    const id = await createMember(db, { platform: 'demo', handle: 'mei' }, NOW);
    const note = await addNote(db, id, 'Prefers pastel', 'Ana', NOW);
    expect((await editNote(db, note.id, 'Prefers pastel, size S', 'ana', NOW + 1)).text).toBe('Prefers pastel, size S');
    await expect(editNote(db, note.id, 'hacked', 'Ben', NOW)).rejects.toSatisfy(code('conflict'));
  });

  it('a quick reminder shows on the member card until it is done', async () => {
    const id = await createMember(db, { platform: 'demo', handle: 'mei' }, NOW);
    await addReminder(db, { memberId: id, dueAt: NOW + 3 * DAY, reason: 'Follow up: size exchange' }, NOW);
    const card = await memberCard(db, id, NOW);
    expect(card?.reminders.map((r) => [r.reason, r.dueAt])).toEqual([['Follow up: size exchange', NOW + 3 * DAY]]);
  });

  it('the full order list comes newest first', async () => {
    await importOrders(db, [order({ orderNo: 'a', placedAt: NOW - 3 * DAY }), order({ orderNo: 'b', placedAt: NOW - DAY }), order({ orderNo: 'c', placedAt: NOW - 2 * DAY })], NOW);
    const id = (await db.members.toArray())[0]!.id;
    expect((await memberOrders(db, id)).map((o) => o.orderNo)).toEqual(['b', 'c', 'a']);
  });
});

describe('points adjusted by hand', () => {
  it('an adjustment is logged with its reason and author, and moves the balance; one that would go below none is refused', async () => {
    const { adjustPoints, pointsLog } = await import('./members');
    const { writeSettings } = await import('../../store/settings');
    await importOrders(db, [order({ amountMinor: 120_00 })], NOW);
    const id = (await db.members.toArray())[0]!.id;
    await expect(adjustPoints(db, id, 10, 'Gift', 'Ana', NOW)).rejects.toSatisfy(code('conflict'));
    await writeSettings(db, { points: { enabled: true, perUnit: 1 } });
    await adjustPoints(db, id, 30, 'Birthday gift', 'Ana', NOW);
    await adjustPoints(db, id, -100, 'Redeemed: tote bag', 'Mei', NOW + 1);
    await expect(adjustPoints(db, id, -51, 'Too much', 'Mei', NOW + 2)).rejects.toSatisfy(code('invalid'));
    await expect(adjustPoints(db, id, 5, ' ', 'Mei', NOW + 2)).rejects.toSatisfy(code('invalid'));
    const card = await memberCard(db, id, NOW + 3);
    expect(card?.points).toEqual({ earned: 120, adjusted: -70, balance: 50, log: expect.any(Array) });
    expect((await pointsLog(db, id)).map((p) => [p.delta, p.reason, p.author])).toEqual([
      [-100, 'Redeemed: tote bag', 'Mei'],
      [30, 'Birthday gift', 'Ana'],
    ]);
  });
});
