import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const FIXTURE = readFileSync(new URL('./fixtures/shopify-orders_export.csv', import.meta.url), 'utf8');
const read = (text: string) => readOrderExport(new TextEncoder().encode(text), 'orders_export.csv', { timeZone: 'Asia/Singapore', currency: 'SGD' });
const ok = (text: string) => {
  const r = read(text);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const [HEADER, ...LINES] = FIXTURE.trimEnd().split('\n') as [string, ...string[]];
const HEADERS = HEADER.split(',');
/** The fixture with one cell of one row (1-based file row) replaced. */
const spoil = (row: number, columnName: string, value: string) =>
  [HEADER, ...LINES.map((l, i) => (i + 2 === row ? l.split(',').map((c, j) => (HEADERS[j] === columnName ? value : c)).join(',') : l))].join('\n');

describe('Shopify orders export', () => {
  const result = ok(FIXTURE);

  it('is recognised by its headers', () => {
    expect(result.preset.id).toBe('shopify-orders');
    expect(result.platform).toBe('shopify');
  });

  it('gives one order per Name, numbered by its Id as the admin URL is, its total counted once however many line items follow, with the offset the file carries', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      {
        platform: 'shopify',
        orderNo: '5550001001',
        buyer: { name: 'Lily Chen', phone: '+65 8123 4567', email: 'lily.chen@example.com' },
        amountMinor: 5800,
        currency: 'USD',
        status: 'shipped',
        placedAt: Date.UTC(2026, 2, 4, 5, 5, 0),
        paidAt: Date.UTC(2026, 2, 4, 5, 6, 10),
        shippedAt: Date.UTC(2026, 2, 5, 1, 0, 0),
        items: [
          { title: 'Linen shirt - M', sku: 'LS-M', quantity: 2, priceMinor: 1500 },
          { title: 'Canvas tote', sku: 'CT-1', quantity: 1, priceMinor: 2000 },
        ],
      },
      {
        platform: 'shopify',
        orderNo: '5550001002',
        buyer: { name: 'Marco Rossi', email: 'marco@example.com' },
        amountMinor: 2400,
        currency: 'USD',
        status: 'unpaid',
        placedAt: Date.UTC(2026, 2, 6, 13, 40),
        items: [{ title: 'Ceramic mug', sku: 'MUG-1', quantity: 1, priceMinor: 2400 }],
      },
      {
        platform: 'shopify',
        orderNo: '5550001003',
        buyer: { name: 'Lily Chen', email: 'lily.chen@example.com' },
        amountMinor: 2000,
        currency: 'USD',
        status: 'refunded',
        placedAt: Date.UTC(2026, 2, 7, 1, 58),
        paidAt: Date.UTC(2026, 2, 7, 2, 0),
        items: [{ title: 'Linen shirt - S', sku: 'LS-S', quantity: 1, priceMinor: 1500 }],
      },
      {
        platform: 'shopify',
        orderNo: '5550001004',
        buyer: { name: 'Ana Souza', email: 'ana@example.com' },
        amountMinor: 2500,
        currency: 'USD',
        status: 'shipped',
        placedAt: Date.UTC(2026, 2, 8, 8, 19),
        paidAt: Date.UTC(2026, 2, 8, 8, 20),
        shippedAt: Date.UTC(2026, 2, 9, 2, 0),
        items: [
          { title: 'Scarf "Aurora"', sku: 'SC-A', quantity: 1, priceMinor: 1800 },
          { title: 'Hair clip, gold', sku: 'HC-G', quantity: 1, priceMinor: 1200 },
        ],
      },
      {
        platform: 'shopify',
        orderNo: '5550001005',
        buyer: { name: 'Siti Aminah', phone: '+60 12-345 6789' },
        amountMinor: 12050,
        currency: 'MYR',
        status: 'shipped',
        placedAt: Date.UTC(2026, 2, 10, 3, 0),
        paidAt: Date.UTC(2026, 2, 10, 3, 0),
        shippedAt: Date.UTC(2026, 2, 10, 3, 0),
        items: [{ title: 'Batik napkin', sku: 'BN-1', quantity: 3, priceMinor: 4017 }],
      },
    ]);
  });

  it.each([
    ['voided', 'cancelled'],
    ['authorized', 'paid'],
    ['expired', 'cancelled'],
  ])('financial status %s is %s', (financial, status) => {
    const r = ok(spoil(4, 'Financial Status', financial));
    expect(r.orders.find((o) => o.orderNo === '5550001002')?.status).toBe(status);
  });

  it.each([
    ['an unknown financial status', 4, 'Financial Status', 'teleported', 'Financial Status', '#1002'],
    ['a total that is not a number', 4, 'Total', 'twenty', 'Total', '#1002'],
    ['a date that cannot be read', 4, 'Created at', 'yesterday', 'Created at', '#1002'],
    ['neither e-mail nor phone', 4, 'Email', '', 'Email', '#1002'],
    ['a bad quantity on a further line-item row', 3, 'Lineitem quantity', 'two', 'Lineitem quantity', '#1001'],
    ['a first row that lost its order fields', 6, 'Financial Status', '', 'Financial Status', '#1004'],
  ])('%s is reported with its row and column, and that whole order is left out', (_name, row, columnName, value, column, orderNo) => {
    const r = ok(spoil(row, columnName, value));
    expect(r.problems).toEqual([expect.objectContaining({ line: row, column, message: expect.stringContaining(`Order ${orderNo} was left out`) })]);
    expect(r.orders.map((o) => o.orderNo)).not.toContain(`555000${orderNo.slice(1)}`);
    expect(r.orders).toHaveLength(4);
  });

  it('a row without its Name is reported on its own', () => {
    const r = ok(spoil(3, 'Name', ''));
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column: 'Name', message: expect.stringMatching(/is empty/) })]);
    expect(r.orders.find((o) => o.orderNo === '5550001001')?.items).toHaveLength(1);
  });

  it('a file without Email or Phone columns is refused, naming them', () => {
    const drop = new Set(['Email', 'Phone', 'Billing Phone', 'Shipping Phone']);
    const rows = Papa.parse<string[]>(FIXTURE.trimEnd()).data;
    const text = Papa.unparse(rows.map((cells) => cells.filter((_c, i) => !drop.has(HEADERS[i]!))));
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/orders_export\.csv \(Shopify orders export\) has no buyer column \(Email, Phone, Billing Phone, Shipping Phone\); map one with the generic mapping/);
  });
});
