import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const REPORT = fixture('amazon-order-report.txt');
const read = (text: string, fileName = 'Orders.txt') => readOrderExport(new TextEncoder().encode(text), fileName, { timeZone: 'America/Los_Angeles', currency: 'USD' });
const ok = (text: string) => {
  const r = read(text);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('Amazon order report', () => {
  const result = ok(REPORT);

  it('is recognised by its tab-separated headers', () => {
    expect(result.preset.id).toBe('amazon-orders');
  });

  it('adds each order\'s item rows up (price, tax, shipping, less promotions) into one order, ISO times with their offset', () => {
    expect(result.orders.slice(0, 2)).toEqual([
      {
        platform: 'amazon',
        orderNo: '113-4410276-1100001',
        buyer: { name: 'Priya Natarajan', email: 'k3lq9x7v2m4t1wz@marketplace.amazon.com' },
        amountMinor: 6511,
        currency: 'USD',
        status: 'paid',
        placedAt: Date.UTC(2026, 2, 4, 21, 5),
        paidAt: Date.UTC(2026, 2, 4, 21, 6),
        items: [
          { title: 'Cork yoga mat, purple', sku: 'YOGA-MAT-PURPLE', quantity: 1, priceMinor: 3999 },
          { title: 'Cork yoga block', sku: 'YOGA-BLOCK', quantity: 2, priceMinor: 1200 },
        ],
      },
      {
        platform: 'amazon',
        orderNo: '113-4410276-1100002',
        buyer: { name: 'Luis Ortega', phone: '+1 206-555-0142' },
        amountMinor: 1889,
        currency: 'USD',
        status: 'paid',
        placedAt: Date.UTC(2026, 2, 5, 16, 30),
        paidAt: Date.UTC(2026, 2, 5, 16, 31),
        items: [{ title: 'Cotton yoga strap', sku: 'YOGA-STRAP', quantity: 1, priceMinor: 1250 }],
      },
    ]);
  });

  it('takes buyer-name as the handle only when Amazon withheld both e-mail and phone', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders[2]).toEqual({
      platform: 'amazon',
      orderNo: '113-4410276-1100003',
      buyer: { handle: 'J. Doe', name: 'J. Doe' },
      amountMinor: 4319,
      currency: 'USD',
      status: 'paid',
      placedAt: Date.UTC(2026, 2, 7, 3, 45),
      paidAt: Date.UTC(2026, 2, 7, 3, 46),
      items: [{ title: 'Cork yoga mat, purple', sku: 'YOGA-MAT-PURPLE', quantity: 1, priceMinor: 3999 }],
    });
  });

  it('reports a row with no e-mail, phone or name, rather than importing an order nobody can be found by', () => {
    const r = ok(REPORT.split('\n').map((l, i) => (i === 4 ? l.replace('\tJ. Doe\t', '\t\t') : l)).join('\n'));
    expect(r.problems).toEqual([expect.objectContaining({ line: 5, column: 'buyer-email', message: expect.stringMatching(/Amazon withheld this buyer.*Order 113-4410276-1100003 was left out/) })]);
  });

  it.each([
    ['an item price that is not an amount', 3, (l: string) => l.replace('\t24.00\t', '\ttwenty\t'), 'item-price', '113-4410276-1100001'],
    ['a purchase date it cannot read', 4, (l: string) => l.replace('2026-03-05T08:30:00-08:00', 'March 5'), 'purchase-date', '113-4410276-1100002'],
  ])('%s is reported with its row and column, the whole order left out', (_name, line, change, column, orderNo) => {
    const r = ok(REPORT.split('\n').map((l, i) => (i + 1 === line ? change(l) : l)).join('\n'));
    expect(r.problems[0]).toEqual(expect.objectContaining({ line, column, message: expect.stringContaining(`Order ${orderNo} was left out`) }));
    expect(r.orders.map((o) => o.orderNo)).not.toContain(orderNo);
  });

  it('a report where no row names its buyer is refused, naming the columns', () => {
    const rows = REPORT.trimEnd().split('\n').map((l) => l.split('\t'));
    const blank = new Set(['buyer-email', 'buyer-phone-number', 'buyer-name'].map((n) => rows[0]!.indexOf(n)));
    const r = read(rows.map((cells, i) => (i === 0 ? cells : cells.map((c, j) => (blank.has(j) ? '' : c))).join('\t')).join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/has no buyer in any row \(buyer-name, buyer-email, buyer-phone-number are empty\)/);
  });
});

describe('Amazon All Orders report', () => {
  it('is recognised, and refused because it has no buyer column at all', () => {
    const r = read(fixture('amazon-all-orders.txt'), 'All Orders.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('All Orders.txt (Amazon All Orders report) has no buyer column (buyer-name, buyer-email, buyer-phone-number); map one with the generic mapping.');
  });
});
