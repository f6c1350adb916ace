import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const read = (text: string) => {
  const r = readOrderExport(new TextEncoder().encode(text), 'EtsySoldOrders2026-3.csv', { timeZone: 'America/Los_Angeles', currency: 'USD' });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const ORDERS = fixture('EtsySoldOrders2026-3.csv');
const ITEMS = fixture('EtsySoldOrderItems2026-3.csv');
const at = (d: number) => Date.UTC(2026, 2, d, 8); // midnight in Los Angeles (PST, up to 8 March)
const atDst = (d: number) => Date.UTC(2026, 2, d, 7); // midnight in Los Angeles (PDT, from 2 am on 8 March)

describe('Etsy sold orders (EtsySoldOrders)', () => {
  const result = read(ORDERS);

  it('is recognised by its headers', () => {
    expect(result.preset.id).toBe('etsy-sold-orders');
  });

  it('gives one order per row: Buyer User ID as the handle, MM/DD/YY dates in the shop zone, a partial refund taken off, a cancellation kept', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      { platform: 'etsy', orderNo: '3301234501', buyer: { handle: 'harperknits', name: 'Harper Lee Quinn' }, amountMinor: 5100, currency: 'USD', status: 'shipped', placedAt: at(4), paidAt: at(4), shippedAt: at(6), items: [] },
      { platform: 'etsy', orderNo: '3301234502', buyer: { handle: 'tomas.r', name: 'Tomás Ruiz' }, amountMinor: 3750, currency: 'EUR', status: 'paid', placedAt: at(5), paidAt: at(5), items: [] },
      { platform: 'etsy', orderNo: '3301234503', buyer: { handle: 'harperknits', name: 'Harper Lee Quinn' }, amountMinor: 2000, currency: 'USD', status: 'shipped', placedAt: at(7), paidAt: at(7), shippedAt: at(8), items: [] },
      { platform: 'etsy', orderNo: '3301234504', buyer: { handle: 'jun.w', name: 'Jun Wei' }, amountMinor: 2400, currency: 'USD', status: 'cancelled', placedAt: atDst(9), paidAt: atDst(9), items: [] },
    ]);
  });

  it.each([
    ['an Order Total that is not a number', (l: string) => l.replace(',37.50,', ',n/a,'), 'Order Total'],
    ['a Sale Date that cannot be read', (l: string) => l.replace('03/05/26', '3 May'), 'Sale Date'],
    ['no Buyer User ID and no Buyer', (l: string) => l.replace('tomas.r,', ',').replace('Tomás Ruiz (tomas.r)', ''), 'Buyer User ID'],
  ])('a row with %s is reported with its row and column', (_name, edit, column) => {
    const lines = ORDERS.split('\n');
    lines[2] = edit(lines[2]!);
    const r = read(lines.join('\n'));
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column, message: expect.stringContaining('Order 3301234502 was left out') })]);
    expect(r.orders).toHaveLength(3);
  });

  it('a second row for the same order is reported, not counted twice', () => {
    const lines = ORDERS.trimEnd().split('\n');
    const r = read([...lines, lines[1]].join('\n'));
    expect(r.orders).toHaveLength(4);
    expect(r.problems).toEqual([expect.objectContaining({ line: 6, column: 'Order ID', message: expect.stringMatching(/repeats order 3301234501/) })]);
  });
});

describe('Etsy sold order items (EtsySoldOrderItems)', () => {
  const result = read(ITEMS);

  it('is recognised by its headers', () => {
    expect(result.preset.id).toBe('etsy-sold-order-items');
  });

  it('alone still gives one order per Order ID: item totals added up, the order shipping and tax once', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      {
        platform: 'etsy',
        orderNo: '3301234501',
        buyer: { handle: 'harperknits', name: 'Harper Lee Quinn' },
        amountMinor: 5100,
        currency: 'USD',
        status: 'shipped',
        placedAt: at(4),
        paidAt: at(4),
        shippedAt: at(6),
        items: [
          { title: 'Hand-thrown mug, blue · Size:Large', sku: 'MUG-BLUE', quantity: 2, priceMinor: 1600 },
          { title: 'Greeting cards, set of 3', sku: 'CARD-3', quantity: 1, priceMinor: 1400 },
        ],
      },
      { platform: 'etsy', orderNo: '3301234502', buyer: { handle: 'tomas.r', name: 'Tomás Ruiz' }, amountMinor: 3750, currency: 'EUR', status: 'paid', placedAt: at(5), paidAt: at(5), items: [{ title: 'Botanical print A4', sku: 'PRINT-A4', quantity: 1, priceMinor: 2800 }] },
    ]);
  });

  it('agrees with the orders file on the buyer and the total of each order it has', () => {
    const orders = new Map(read(ORDERS).orders.map((o) => [o.orderNo, o]));
    for (const o of result.orders) expect([o.buyer.handle, o.amountMinor]).toEqual([orders.get(o.orderNo)?.buyer.handle, orders.get(o.orderNo)?.amountMinor]);
  });

  it('a bad Item Total on the second item leaves that whole order out, and says so', () => {
    const lines = ITEMS.split('\n');
    lines[2] = lines[2]!.replace(',14.00,USD', ',fourteen,USD');
    const r = read(lines.join('\n'));
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column: 'Item Total', message: expect.stringContaining('Order 3301234501 was left out') })]);
    expect(r.orders.map((o) => o.orderNo)).toEqual(['3301234502']);
  });
});
