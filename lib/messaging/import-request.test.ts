import { describe, expect, it } from 'vitest';
import { createHandlers } from '../background/handlers';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { createRouter } from './router';

const OWN = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const optionsPage = { id: OWN.id, url: 'chrome-extension://ourextensionid/options.html' };

describe('an import batch given as one JSON string', () => {
  it('is stored as the same rows given as objects are, in its session', async () => {
    const db = memoryDb(undefined, undefined, 'import-json');
    const route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
    const rows = [order({ orderNo: 'j1', buyer: { handle: 'ana' } }), order({ orderNo: 'j2', buyer: { handle: 'bo' }, amountMinor: 2500 })];
    const reply = await route({ regulars: 1, name: 'orders.import', payload: { rowsJson: JSON.stringify(rows), session: 'session-json-1' } }, optionsPage);
    expect(reply).toMatchObject({ ok: true, data: { orders: { added: 2, updated: 0, unchanged: 0 } } });
    await route({ regulars: 1, name: 'orders.importEnd', payload: { session: 'session-json-1' } }, optionsPage);
    expect(await db.orders.get('demo:j2')).toMatchObject({ amountMinor: 2500 });
    expect(await db.members.count()).toBe(2);
  });

  it.each([
    ['an order without a buyer', [{ ...order(), buyer: {} }]],
    ['an order with a fractional amount', [order(), { ...order(), amountMinor: 10.5 }]],
  ])('with %s is refused with the reason the same rows as objects get, and stores nothing', async (_name, rows) => {
    const db = memoryDb(undefined, undefined, `import-json-bad-${_name.length}`);
    const route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
    const asObjects = await route({ regulars: 1, name: 'orders.import', payload: { rows } }, optionsPage);
    const asJson = await route({ regulars: 1, name: 'orders.import', payload: { rowsJson: JSON.stringify(rows) } }, optionsPage);
    expect(asObjects).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(asJson).toEqual(asObjects);
    expect(await db.orders.count()).toBe(0);
  });

  it.each([
    ['text that is not JSON', { rowsJson: '[{"platform":' }],
    ['JSON that is not a list of orders', { rowsJson: '{"rows":[]}' }],
    ['neither rows nor rowsJson', { session: 'session-json-none' }],
  ])('%s is refused as an invalid request', async (_name, payload) => {
    const route = createRouter(createHandlers({ db: memoryDb(undefined, undefined, 'import-json-refused'), now: () => NOW }), OWN);
    expect(await route({ regulars: 1, name: 'orders.import', payload }, optionsPage)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
