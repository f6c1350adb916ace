import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const REPORT = readFileSync(new URL('./fixtures/ebay-orders-report.csv', import.meta.url), 'utf8');
const LINES = REPORT.split('\r\n');
const read = (text: string) => {
  const r = readOrderExport(new TextEncoder().encode(text), 'eBay-OrdersReport-Mar-10-2026.csv', { timeZone: 'America/New_York', currency: 'USD' });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const edit = (line: number, change: (l: string) => string) => LINES.map((l, i) => (i + 1 === line ? change(l) : l)).join('\r\n');

const EXPECTED = [
  {
    platform: 'ebay',
    orderNo: '12-14421-70211',
    buyer: { handle: 'vintage_fan', name: 'Sam Carter', phone: '(555) 010-2233', email: 'sam.carter@example.com' },
    amountMinor: 2350,
    currency: 'USD',
    status: 'shipped',
    placedAt: Date.UTC(2026, 2, 4, 5),
    paidAt: Date.UTC(2026, 2, 4, 5),
    shippedAt: Date.UTC(2026, 2, 5, 5),
    carrier: 'USPS Ground Advantage',
    trackingNo: '9400100000000000000001',
    items: [{ title: 'Vintage 12" brass ruler', sku: 'RUL-12', quantity: 1, priceMinor: 1850 }],
  },
  {
    platform: 'ebay',
    orderNo: '05-14430-88124',
    buyer: { handle: 'coin.collector', name: 'Dana Whitfield', phone: '512 555 0199' },
    amountMinor: 4980,
    currency: 'USD',
    status: 'paid',
    placedAt: Date.UTC(2026, 2, 6, 5),
    paidAt: Date.UTC(2026, 2, 6, 5),
    items: [
      { title: 'Silver dime, 1964 · Grade:Fine', sku: 'COIN-64', quantity: 2, priceMinor: 1200 },
      { title: 'Coin album', sku: 'ALB-1', quantity: 1, priceMinor: 1800 },
    ],
  },
  { platform: 'ebay', orderNo: '103', buyer: { handle: 'bargain_bob', name: 'Bob Lane' }, amountMinor: 1950, currency: 'USD', status: 'unpaid', placedAt: Date.UTC(2026, 2, 8, 5), items: [{ title: 'Pocket knife', sku: 'KN-1', quantity: 1, priceMinor: 1500 }] },
];

describe('eBay orders report', () => {
  const result = read(REPORT);

  it('is recognised under its row of bare commas, and the footer is not read as orders', () => {
    expect(result.preset.id).toBe('ebay-orders');
    expect(result.problems).toEqual([]);
  });

  it('gives one order per sales record: the summary row\'s total once, the item rows\' items, unpaid when never paid, quotes inside unquoted fields kept', () => {
    expect(result.orders).toEqual(EXPECTED);
  });

  it('finds the header under notes rows too, and keeps reporting true row numbers', () => {
    const noted = ['Orders report,,', 'Downloaded Mar-10-26 for regulars_demo_shop', ...LINES].join('\r\n');
    const r = read(noted);
    expect(r.orders).toEqual(EXPECTED);
    const bad = read(['Orders report,,', 'Downloaded Mar-10-26', ...edit(8, (l) => l.replace('"$19.50"', '"nineteen"')).split('\r\n')].join('\r\n'));
    expect(bad.problems).toEqual([expect.objectContaining({ line: 10, column: 'Total Price', message: expect.stringContaining('Order 103 was left out') })]);
  });

  it.each([
    ['a Total Price that is not an amount', 4, (l: string) => l.replace('"$23.50"', '"--.--"'), 'Total Price', '101'],
    ['a Sale Date it cannot read', 5, (l: string) => l.replace('"Mar-06-26"', '"06/03/2026"'), 'Sale Date', '102'],
    ['a bad quantity on an item row', 6, (l: string) => l.replace('"2","$12.00"', '"two","$12.00"'), 'Quantity', '102'],
    ['no buyer on the order row', 8, (l: string) => l.replace('"bargain_bob"', '""'), 'Buyer Username', '103'],
  ])('%s is reported with its row and column, the whole order left out', (_name, line, change, column, record) => {
    const r = read(edit(line, change));
    expect(r.problems).toEqual([expect.objectContaining({ line, column, message: expect.stringContaining(`Order ${record} was left out`) })]);
    expect(r.orders).toHaveLength(2);
  });

  it.each([
    ['£12.00', 'GBP', 1200],
    ['AU $12.00', 'AUD', 1200],
    ['US $12.00', 'USD', 1200],
  ])('a total written %s is in %s', (total, currency, minor) => {
    const r = read(edit(8, (l) => l.replace('"$19.50"', `"${total}"`)));
    expect(r.orders.find((o) => o.orderNo === '103')).toMatchObject({ currency, amountMinor: minor });
  });
});
