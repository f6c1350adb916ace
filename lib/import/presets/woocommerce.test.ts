import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const read = (bytes: Uint8Array, timeZone = 'Europe/London') => {
  const r = readOrderExport(bytes, 'orders.csv', { timeZone, currency: 'GBP' });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const text = (name: string) => fixture(name).toString('utf8');
const replaceLine = (name: string, line: number, edit: (l: string) => string) =>
  new TextEncoder().encode(text(name).split('\r\n').map((l, i) => (i + 1 === line ? edit(l) : l)).join('\r\n'));

describe('WooCommerce orders export (Advanced Order Export defaults)', () => {
  const result = read(fixture('woocommerce-advanced-order-export.csv'));

  it('is recognised by its headers, BOM and all', () => {
    expect(result.preset.id).toBe('woocommerce-orders');
    expect(result.platform).toBe('woocommerce');
  });

  it('gives one order per order number with its total once, statuses mapped, the shop currency when the file has none', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      {
        platform: 'woocommerce',
        orderNo: '1201',
        buyer: { name: 'Emma Jones', phone: '07700 900123', email: 'emma.jones@example.co.uk' },
        amountMinor: 4550,
        currency: 'GBP',
        status: 'paid',
        placedAt: Date.UTC(2026, 2, 4, 13, 5),
        items: [
          { title: 'English breakfast tea, 250g', sku: 'TEA-EB', quantity: 2, priceMinor: 1200 },
          { title: 'Teapot', sku: 'POT-1', quantity: 1, priceMinor: 1800 },
        ],
      },
      { platform: 'woocommerce', orderNo: '1202', buyer: { name: 'Oliver Smith', email: 'oliver@example.co.uk' }, amountMinor: 2000, currency: 'GBP', status: 'delivered', placedAt: Date.UTC(2026, 2, 5, 9, 30), items: [{ title: 'Mug set', sku: 'MUG-2', quantity: 1, priceMinor: 3000 }] },
      { platform: 'woocommerce', orderNo: '1203', buyer: { name: 'Emma Jones', phone: '07700 900123', email: 'emma.jones@example.co.uk' }, amountMinor: 1200, currency: 'GBP', status: 'unpaid', placedAt: Date.UTC(2026, 2, 6, 22, 15), items: [{ title: 'Earl grey tea', sku: 'TEA-EG', quantity: 1, priceMinor: 1200 }] },
      { platform: 'woocommerce', orderNo: '1204', buyer: { name: 'Noah Brown', phone: '07700 900456' }, amountMinor: 800, currency: 'GBP', status: 'cancelled', placedAt: Date.UTC(2026, 2, 7, 10, 0), items: [{ title: 'Biscuits', sku: 'BIS-1', quantity: 1, priceMinor: 800 }] },
      { platform: 'woocommerce', orderNo: '1205', buyer: { name: 'Oliver Smith', email: 'oliver@example.co.uk' }, amountMinor: 1800, currency: 'GBP', status: 'refunded', placedAt: Date.UTC(2026, 2, 8, 18, 45), items: [{ title: 'Teapot', sku: 'POT-1', quantity: 1, priceMinor: 1800 }] },
    ]);
  });

  it.each([
    ['an unknown status', 4, (l: string) => l.replace('Completed', 'Teleported'), 'Order Status', '1202'],
    ['a total that is not a number', 5, (l: string) => l.replace(',,,12.00,', ',,,twelve,'), 'Order Total Amount', '1203'],
    ['a date that cannot be read', 6, (l: string) => l.replace('2026-03-07 10:00', '07.03.2026 10h'), 'Order Date', '1204'],
    ['no e-mail and no phone', 6, (l: string) => l.replace('07700 900456', ''), 'Email (Billing)', '1204'],
    ['a bad quantity on the second item of an order', 3, (l: string) => l.replace('Teapot,1,', 'Teapot,one,'), 'Quantity', '1201'],
  ])('%s is reported with its row and column, the whole order left out', (_name, line, edit, column, orderNo) => {
    const r = read(replaceLine('woocommerce-advanced-order-export.csv', line, edit));
    expect(r.problems).toEqual([expect.objectContaining({ line, column, message: expect.stringContaining(`Order ${orderNo} was left out`) })]);
    expect(r.orders.map((o) => o.orderNo)).not.toContain(orderNo);
  });
});

describe('WooCommerce exports in the other layouts', () => {
  it('reads "Billing …" columns, decimal commas, the "wc-" status prefix and the file currency', () => {
    const r = read(fixture('woocommerce-billing.csv'), 'Europe/Paris');
    expect(r.preset.id).toBe('woocommerce-orders');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      {
        platform: 'woocommerce',
        orderNo: '311',
        buyer: { name: 'Chloé Martin', email: 'chloe@example.fr' },
        amountMinor: 5990,
        currency: 'EUR',
        status: 'delivered',
        placedAt: Date.UTC(2026, 2, 4, 7, 0),
        items: [
          { title: 'Savon', quantity: 2, priceMinor: 1245 },
          { title: 'Bougie', quantity: 1, priceMinor: 3500 },
        ],
      },
      { platform: 'woocommerce', orderNo: '312', buyer: { name: 'Hugo Bernard', phone: '06 12 34 56 78' }, amountMinor: 1500, currency: 'EUR', status: 'unpaid', placedAt: Date.UTC(2026, 2, 5, 18, 20), items: [{ title: 'Savon', quantity: 1, priceMinor: 1245 }] },
    ]);
  });

  it('reads WooCommerce field keys with items packed as line_item_N', () => {
    const r = read(fixture('woocommerce-keys.csv'), 'Australia/Sydney');
    expect(r.preset.id).toBe('woocommerce-orders');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      {
        platform: 'woocommerce',
        orderNo: '5001',
        buyer: { name: 'Jack Wilson', phone: '0412 345 678', email: 'jack@example.com.au' },
        amountMinor: 6500,
        currency: 'AUD',
        status: 'paid',
        placedAt: Date.UTC(2026, 2, 4, 2, 5),
        paidAt: Date.UTC(2026, 2, 4, 2, 6),
        items: [
          { title: 'Wool beanie', sku: 'WB-1', quantity: 2, priceMinor: 2000 },
          { title: 'Scarf', sku: 'SC-1', quantity: 1, priceMinor: 2000 },
        ],
      },
      { platform: 'woocommerce', orderNo: '5002', buyer: { name: 'Mia Taylor', email: 'mia@example.com.au' }, amountMinor: 2000, currency: 'AUD', status: 'cancelled', placedAt: Date.UTC(2026, 2, 4, 20, 45), items: [{ title: 'Scarf', sku: 'SC-1', quantity: 1, priceMinor: 2000 }] },
    ]);
  });
});
