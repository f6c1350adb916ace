import { describe, expect, it } from 'vitest';
import { ordersCsv } from '../../../demo/export';
import { demoSeed } from '../../../demo/seed';
import { readOrderExport } from '../read-export';

const encode = (text: string) => new TextEncoder().encode(text);
const ANCHOR = Date.UTC(2026, 10, 23);
const seed = demoSeed(ANCHOR);
const read = (text: string, timeZone = 'UTC') => readOrderExport(encode(text), 'orders.csv', { timeZone, currency: 'USD', platform: 'demo' });

describe('TikTok Shop order export', () => {
  const csv = '\uFEFF' + ordersCsv(seed);
  const result = read(csv);

  it('is recognised by its headers, with the BOM stripped', () => {
    expect(result.ok && result.preset.id).toBe('tiktok-orders');
    expect(result.ok && result.encoding).toBe('utf-8');
  });

  it('gives one order per Order ID however many SKU rows it has, and no problems', () => {
    if (!result.ok) throw new Error(result.message);
    expect(result.problems).toEqual([]);
    expect(result.orders).toHaveLength(seed.orders.length);
    const multi = seed.orders.find((o) => o.items.length > 1)!;
    expect(result.orders.find((o) => o.orderNo === multi.orderNo)?.items).toHaveLength(multi.items.length);
  });

  it('reads every order back as the shop sold it: number (tab padding gone), buyer, amount, status, time', () => {
    if (!result.ok) throw new Error(result.message);
    const byNo = new Map(result.orders.map((o) => [o.orderNo, o]));
    for (const o of seed.orders) {
      const got = byNo.get(o.orderNo);
      expect(got, o.orderNo).toBeDefined();
      expect(
        [got!.buyer.handle, got!.amountMinor, got!.status, Math.floor(got!.placedAt / 1000)],
      ).toEqual([o.handle, o.amountMinor, o.status, Math.floor(o.placedAt / 1000)]);
    }
  });

  it('gives every item the category of its Product Category column, marked as the export’s own', () => {
    if (!result.ok) throw new Error(result.message);
    const byNo = new Map(result.orders.map((o) => [o.orderNo, o]));
    for (const o of seed.orders) {
      expect(byNo.get(o.orderNo)!.items.map((i) => [i.category, i.categorySource]), o.orderNo).toEqual(o.items.map((i) => [i.category, 'export']));
    }
    expect(new Set(result.orders.flatMap((o) => o.items.map((i) => i.category))).size).toBeGreaterThan(1);
  });

  it('keeps the two handles of one person tied by the same phone', () => {
    if (!result.ok) throw new Error(result.message);
    const [a, b] = seed.known.twoHandles;
    const phones = new Set(result.orders.filter((o) => o.buyer.handle === a || o.buyer.handle === b).map((o) => o.buyer.phone));
    expect(phones.size).toBe(1);
  });

  it('skips the optional field-description row', () => {
    const withDescriptions = read('\uFEFF' + ordersCsv(seed, { descriptionRow: true }));
    expect(withDescriptions.ok && withDescriptions.orders.length).toBe(seed.orders.length);
    expect(withDescriptions.ok && withDescriptions.problems).toEqual([]);
  });

  it.each([
    ['an amount that is not a number', (l: string[]) => l.map((c, i) => (i === 23 ? 'twelve' : c)), 'Order Amount'],
    ['a date that cannot be read', (l: string[]) => l.map((c, i) => (i === 25 ? '31/31/2026' : c)), 'Created Time'],
    ['an unknown status', (l: string[]) => l.map((c, i) => (i === 1 ? 'Teleported' : c)), 'Order Status'],
  ])('a row with %s is reported with its row and column, and the rest still import', (_name, spoil, column) => {
    const header = 'Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,SKU ID,Seller SKU,Product Name,Variation,Quantity,Sku Quantity of return,SKU Unit Original Price,SKU Subtotal Before Discount,SKU Platform Discount,SKU Seller Discount,SKU Subtotal After Discount,Shipping Fee After Discount,Original Shipping Fee,Shipping Fee Seller Discount,Shipping Fee Platform Discount,Payment platform discount,Retail Delivery Fee,Taxes,Order Amount,Order Refund Amount,Created Time,Buyer Username';
    const good = ['577000000000000001\t', 'Completed', 'Completed', '', 'Normal', '1\t', 'S1', 'Shirt', 'M', '1', '0', '10.00', '10.00', '0', '0', '10.00', '0', '0', '0', '0', '0', '0', '0', '10.00', '0.00', '03/04/2026 1:05:00 PM', 'lily_chen'];
    const bad = spoil(good.map((c, i) => (i === 0 ? '577000000000000002\t' : c)));
    const r = read([header, good.join(','), bad.join(',')].join('\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.orders.map((o) => o.orderNo)).toEqual(['577000000000000001']);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column, message: expect.any(String) })]);
  });
});

describe('files that are no order export', () => {
  it.each([
    ['an empty file', '', /is empty/],
    ['a file with only a header', 'Order ID,Order Status\n', /no table of orders/],
    ['an unknown table', 'a,b,c\n1,2,3\n', /don't match any export/],
  ])('%s is refused with a message naming the file', (_name, text, message) => {
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
    if (!r.ok) expect(r.message).toContain('orders.csv');
  });

  it('a binary file is refused', () => {
    const r = readOrderExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), 'photo.zip', { timeZone: 'UTC', currency: 'USD' });
    expect(r.ok).toBe(false);
  });
});
