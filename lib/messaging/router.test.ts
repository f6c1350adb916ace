import { beforeEach, describe, expect, it } from 'vitest';
import { keepDerivedFresh } from '../background/derived';
import { createHandlers } from '../background/handlers';
import type { RegularsDb } from '../store/database';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { createRouter, senderAllowed } from './router';

const OWN = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const contentScript = { id: OWN.id, url: 'http://127.0.0.1:5273/chat/c1', tab: { id: 7 } };
const optionsPage = { id: OWN.id, url: 'chrome-extension://ourextensionid/options.html' };

let db: RegularsDb;
let route: ReturnType<typeof createRouter>;
beforeEach(async () => {
  db = memoryDb();
  route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
  await route({ regulars: 1, name: 'orders.import', payload: { rows: [order()] } }, optionsPage);
});

describe('the background answers only Regulars, and only well-formed requests', () => {
  it.each([
    ['another extension', { id: 'someoneelse', url: 'chrome-extension://someoneelse/page.html' }],
    ['a web page (no extension id)', { url: 'https://evil.example/', tab: { id: 3 } }],
    ['our id from a non-extension page without a tab', { id: OWN.id, url: 'https://evil.example/' }],
  ])('a message from %s is refused as forbidden', async (_name, sender) => {
    expect(senderAllowed(sender, OWN.id, OWN.origin)).toBe(false);
    const reply = await route({ regulars: 1, name: 'member.addTag', payload: { memberId: 'x', tag: 'gift' } }, sender);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
  });

  it.each([
    ['not an envelope', 'hello', 'invalid_request'],
    ['no name', { regulars: 1 }, 'invalid_request'],
    ['an unknown name', { regulars: 1, name: 'db.drop', payload: {} }, 'unknown_message'],
    ['a tag that is not a string', { regulars: 1, name: 'member.addTag', payload: { memberId: 'm', tag: 42 } }, 'invalid_request'],
    ['an empty handle', { regulars: 1, name: 'member.lookup', payload: { platform: 'demo', handle: '' } }, 'invalid_request'],
    ['an unknown platform', { regulars: 1, name: 'member.lookup', payload: { platform: 'myspace', handle: 'x' } }, 'invalid_request'],
    ['an order without a buyer', { regulars: 1, name: 'orders.import', payload: { rows: [{ ...order(), buyer: {} }] } }, 'invalid_request'],
    ['an order with a fractional amount', { regulars: 1, name: 'orders.import', payload: { rows: [{ ...order(), amountMinor: 10.5 }] } }, 'invalid_request'],
  ])('a malformed request (%s) gets a typed error and changes nothing', async (_name, raw, code) => {
    const before = { members: await db.members.toArray(), orders: await db.orders.toArray() };
    const reply = await route(raw, contentScript);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe(code);
    expect({ members: await db.members.toArray(), orders: await db.orders.toArray() }).toEqual(before);
  });

  it('a content script looks up a buyer and tags them', async () => {
    const lookup = await route({ regulars: 1, name: 'member.lookup', payload: { platform: 'demo', handle: 'lily_chen' } }, contentScript);
    expect(lookup.ok).toBe(true);
    const memberId = lookup.ok ? (lookup.data as { member: { id: string } }).member.id : '';
    const tagged = await route({ regulars: 1, name: 'member.addTag', payload: { memberId, tag: 'gift' } }, contentScript);
    expect(tagged).toEqual({ ok: true, data: { tags: ['gift'] } });
  });

  it('a store error comes back typed, not thrown', async () => {
    const reply = await route({ regulars: 1, name: 'member.addTag', payload: { memberId: 'm_missing', tag: 'gift' } }, contentScript);
    expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'No member with id m_missing' } });
  });
});

describe('import sessions', () => {
  it('derived figures are refreshed once at the end of a session, not after every batch', async () => {
    const db2 = memoryDb(undefined, undefined, 'sessions');
    let refreshes = 0;
    const derived = keepDerivedFresh(db2, { ordersChanged: () => refreshes++, membersChanged: () => undefined });
    const r = createRouter(createHandlers({ db: db2, now: () => NOW, onImportEnded: derived.importEnded }), OWN);
    const session = 'session-123456';
    for (let i = 0; i < 3; i++) {
      const reply = await r({ regulars: 1, name: 'orders.import', payload: { rows: [order({ buyer: { handle: `s${i}` } })], session } }, optionsPage);
      expect(reply.ok).toBe(true);
    }
    expect(refreshes).toBe(0);
    expect(await r({ regulars: 1, name: 'orders.importEnd', payload: { session } }, optionsPage)).toEqual({ ok: true, data: { ended: true, members: { created: 3, matched: 0 } } });
    expect(refreshes).toBe(1);
    await r({ regulars: 1, name: 'orders.import', payload: { rows: [order({ buyer: { handle: 'solo' } })] } }, optionsPage);
    expect(refreshes).toBe(2);
    derived.stop();
  });
});

describe('an import reports what it changed in the store', () => {
  it('members created and matched over several batches add up to the store\'s change, merges apart', async () => {
    const h = createHandlers({ db, now: () => NOW });
    await h['orders.import']({ rows: [order({ buyer: { handle: 'known', phone: '+6591234567' } })] }, optionsPage);
    const before = await db.members.count();
    const session = 'session-counts1';
    const first = await h['orders.import'](
      {
        rows: [
          order({ buyer: { handle: 'ana', email: 'ana@example.com' } }),
          order({ buyer: { handle: 'ana' } }),
          // Same person by e-mail, under another handle: a merge, not a new member.
          order({ buyer: { handle: 'ana_2', email: 'ana@example.com' } }),
          order({ buyer: { handle: 'bo' } }),
        ],
        session,
      },
      optionsPage,
    );
    // The second batch meets members the first one created, and one from before the import.
    const second = await h['orders.import']({ rows: [order({ buyer: { handle: 'bo' } }), order({ buyer: { handle: 'known' } }), order({ buyer: { handle: 'cy' } })], session }, optionsPage);
    const end = await h['orders.importEnd']({ session }, optionsPage);
    const gained = (await db.members.count()) - before;
    expect(gained).toBe(3);
    expect(end.members).toEqual({ created: gained, matched: 1 });
    expect(first.merges.length + second.merges.length).toBe(1);
    // What the old message counted (distinct handle/phone/e-mail triples) would have said 6.
  });
});
