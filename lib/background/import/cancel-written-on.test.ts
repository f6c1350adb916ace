// Cancelling an import takes back the members it created, except one an agent wrote on meanwhile
// (opened in the panel mid-import, then tagged, noted, marked do-not-contact or given a profile
// field): that buyer stays findable by their handle, with what the agent wrote; only the import's
// orders go.
import { describe, expect, it } from 'vitest';
import type { Handlers, SenderInfo } from '../../messaging/router';
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

const write: [string, (h: Handlers, memberId: string) => Promise<unknown>][] = [
  ['a tag', (h, memberId) => h['member.addTag']({ memberId, tag: 'gift' }, page)],
  ['a note', (h, memberId) => h['member.addNote']({ memberId, text: 'Asked about wrapping' }, page)],
  ['do-not-contact', (h, memberId) => h['member.update']({ memberId, doNotContact: true }, page)],
  ['a birthday', (h, memberId) => h['member.update']({ memberId, profile: { birthday: '05-12' } }, page)],
];

describe('a cancelled import', () => {
  it.each(write)('keeps a member it created that an agent gave %s, with the handle and no orders', async (_, agentWrites) => {
    const db = memoryDb(undefined, undefined, `cancel-kept-${_}`);
    const handlers = createHandlers({ db, now: () => NOW });
    await handlers['orders.import']({ rows, session }, page);
    // Ana is opened (and written on), Bo only opened, Cy never.
    const ana = (await handlers['member.lookup']({ platform: 'demo', handle: 'ana' }, page))!.member.id;
    await agentWrites(handlers, ana);
    expect((await handlers['member.lookup']({ platform: 'demo', handle: 'bo' }, page))?.member.displayName).toBe('Bo');

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
