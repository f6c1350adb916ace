import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const TITLE = fixture('lazada-orders.csv');
const read = (text: string, timeZone = 'Asia/Kuala_Lumpur', currency = 'MYR') => {
  const r = readOrderExport(new TextEncoder().encode(text), 'lazada-orders.csv', { timeZone, currency });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const my = (d: number, h: number, mi: number) => Date.UTC(2026, 2, d, h - 8, mi);

describe('Lazada order export', () => {
  const result = read(TITLE);

  it('is recognised by its headers', () => {
    expect(result.preset.id).toBe('lazada-orders');
  });

  it('gives one order per Order Number from its item rows: paid prices of the items still standing, shipping once, the name Lazada shows as the handle', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      {
        platform: 'lazada',
        orderNo: '300111222333',
        buyer: { handle: 'Nurul A.', name: 'Nurul Aina' },
        amountMinor: 3670,
        currency: 'MYR',
        status: 'delivered',
        placedAt: my(4, 13, 5),
        items: [
          { title: 'Rose goat milk soap · 100g', sku: 'SOAP-ROSE', quantity: 1, priceMinor: 1790 },
          { title: 'Rose goat milk soap · 100g', sku: 'SOAP-ROSE', quantity: 1, priceMinor: 1790 },
        ],
      },
      { platform: 'lazada', orderNo: '300111222444', buyer: { handle: 'Ravi K', name: 'Ravi Kumar', phone: '+60 17-222 3333', email: 'ravi.k@example.my' }, amountMinor: 4900, currency: 'MYR', status: 'shipped', placedAt: my(5, 8, 20), items: [{ title: 'Lavender essential oil', sku: 'OIL-LAV', quantity: 1, priceMinor: 4900 }] },
      {
        platform: 'lazada',
        orderNo: '300111222555',
        buyer: { handle: 'Mei Ling', name: 'Tan Mei Ling', phone: '+60 12-888 9999' },
        amountMinor: 2800,
        currency: 'MYR',
        status: 'delivered',
        placedAt: my(6, 21, 0),
        items: [
          { title: 'Oat soap', sku: 'SOAP-OAT', quantity: 1, priceMinor: 2500 },
          { title: 'Mint soap', sku: 'SOAP-MINT', quantity: 1, priceMinor: 2200 },
        ],
      },
      { platform: 'lazada', orderNo: '300111222666', buyer: { handle: 'Ravi K', name: 'Ravi Kumar', email: 'ravi.k@example.my' }, amountMinor: 1200, currency: 'MYR', status: 'cancelled', placedAt: my(7, 10, 30), items: [{ title: 'Mint soap', sku: 'SOAP-MINT', quantity: 1, priceMinor: 1200 }] },
      { platform: 'lazada', orderNo: '300111222777', buyer: { handle: 'Aiman', name: 'Aiman Hakim', phone: '+60 11-1234 5678' }, amountMinor: 800, currency: 'MYR', status: 'unpaid', placedAt: my(8, 23, 45), items: [{ title: 'Konjac sponge', sku: 'SPONGE', quantity: 1, priceMinor: 800 }] },
    ]);
  });

  it.each([
    ['an unknown status', 4, (l: string) => l.replace(',shipped,', ',teleported,'), 'Status', '300111222444'],
    ['a paid price that is not a number', 3, (l: string) => l.replace(',15.90,17.90,', ',free,17.90,'), 'Paid Price', '300111222333'],
    ['a creation time it cannot read', 8, (l: string) => l.replace('08 Mar 2026 23:45', '8th March'), 'Created at', '300111222777'],
  ])('%s is reported with its row and column, the whole order left out', (_name, line, change, column, orderNo) => {
    const r = read(TITLE.split('\n').map((l, i) => (i + 1 === line ? change(l) : l)).join('\n'));
    expect(r.problems).toEqual([expect.objectContaining({ line, column, message: expect.stringContaining(`Order ${orderNo} was left out`) })]);
    expect(r.orders.map((o) => o.orderNo)).not.toContain(orderNo);
  });

  it('reads the newer camelCase export the same way', () => {
    const r = read(fixture('lazada-orders-camel.csv'), 'Asia/Manila', 'PHP');
    expect(r.preset.id).toBe('lazada-orders');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      { platform: 'lazada', orderNo: '700123456789', buyer: { handle: 'liza.m', name: 'Liza Mendoza', phone: '0928 111 2222' }, amountMinor: 56500, currency: 'PHP', status: 'paid', placedAt: Date.UTC(2026, 2, 4, 6, 2), items: [{ title: 'Vitamin C serum · 30ml', sku: 'VC-30', quantity: 1, priceMinor: 52000 }] },
      { platform: 'lazada', orderNo: '700123456790', buyer: { handle: 'bebang', name: 'Bebang Reyes', phone: '09281113333' }, amountMinor: 75000, currency: 'PHP', status: 'refunded', placedAt: Date.UTC(2026, 2, 5, 7, 40), items: [{ title: 'Tote bag', sku: 'TOTE', quantity: 1, priceMinor: 75000 }] },
    ]);
  });
});
