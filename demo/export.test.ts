import { describe, expect, it } from 'vitest';
import { csvField, exportTime, ORDER_CSV_HEADERS, ordersCsv, ordersCsvFileName, TAB_PADDED_HEADERS } from './export';
import { demoSeed } from './seed';

const ANCHOR = Date.UTC(2026, 4, 10);
const seed = demoSeed(ANCHOR);
const csv = ordersCsv(seed);

/** A strict RFC 4180 reader, so the test does not trust the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const [header = [], ...rows] = parseCsv(csv.slice(1));
const col = (name: string) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};
const cell = (row: string[], name: string) => row[col(name)] ?? '';
const untab = (s: string) => s.replace(/\t$/, '');
const toMinor = (s: string) => {
  expect(s).toMatch(/^\d+\.\d{2}$/);
  return Math.round(Number(s) * 100);
};

describe('ordersCsv (TikTok Shop order export format)', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes the TikTok header row', () => {
    expect(header).toEqual([...ORDER_CSV_HEADERS]);
    expect(header.slice(0, 12)).toEqual([
      'Order ID', 'Order Status', 'Order Substatus', 'Cancelation/Return Type', 'Normal or Pre-order', 'SKU ID',
      'Seller SKU', 'Product Name', 'Variation', 'Quantity', 'Sku Quantity of return', 'SKU Unit Original Price',
    ]);
    for (const name of ['SKU Subtotal After Discount', 'Shipping Fee After Discount', 'Order Amount', 'Order Refund Amount',
      'Created Time', 'Paid Time', 'Shipped Time', 'Delivered Time', 'Cancelled Time', 'Buyer Username', 'Recipient',
      'Phone #', 'Country', 'City', 'Detail Address', 'Payment Method', 'Buyer Message', 'Seller Note', 'Tracking ID',
      'Package ID']) {
      expect(header).toContain(name);
    }
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it('writes one row per SKU line item, and every order', () => {
    expect(rows).toHaveLength(seed.orders.reduce((n, o) => n + o.items.length, 0));
    const ids = new Set(rows.map((r) => untab(cell(r, 'Order ID'))));
    expect(ids).toEqual(new Set(seed.orders.map((o) => o.orderNo)));
  });

  it('pads the id columns with a trailing tab, as TikTok does', () => {
    expect(TAB_PADDED_HEADERS).toEqual(expect.arrayContaining(['Order ID', 'SKU ID', 'Package ID', 'Tracking ID']));
    for (const r of rows) {
      expect(cell(r, 'Order ID')).toMatch(/^\d{18}\t$/);
      expect(cell(r, 'SKU ID')).toMatch(/^\d{19}\t$/);
      expect(cell(r, 'Package ID')).toMatch(/^(\d{19})?\t$/);
      expect(cell(r, 'Tracking ID')).toMatch(/^([A-Z0-9]+)?\t$/);
    }
  });

  it('writes amounts with two decimals that parse back to the seed minor units', () => {
    const byNo = new Map(seed.orders.map((o) => [o.orderNo, o] as const));
    const seen = new Map<string, number>();
    for (const r of rows) {
      const order = byNo.get(untab(cell(r, 'Order ID')));
      if (!order) throw new Error('unknown order');
      const index = seen.get(order.orderNo) ?? 0;
      seen.set(order.orderNo, index + 1);
      const item = order.items[index];
      expect(cell(r, 'Seller SKU')).toBe(item?.sku);
      expect(cell(r, 'Product Name')).toBe(item?.title);
      expect(Number(cell(r, 'Quantity'))).toBe(item?.quantity);
      expect(toMinor(cell(r, 'SKU Unit Original Price'))).toBe(item?.unitPriceMinor);
      expect(toMinor(cell(r, 'SKU Subtotal After Discount'))).toBe((item?.unitPriceMinor ?? 0) * (item?.quantity ?? 0));
      expect(toMinor(cell(r, 'Shipping Fee After Discount'))).toBe(order.shippingMinor);
      expect(toMinor(cell(r, 'Order Amount'))).toBe(order.amountMinor);
      expect(cell(r, 'Buyer Username')).toBe(order.handle);
    }
  });

  it('uses the export date format "MM/DD/YYYY h:mm:ss AM" with a trailing tab, and a lone tab when empty', () => {
    for (const r of rows) expect(cell(r, 'Created Time')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)\t$/);
    const unpaid = rows.find((r) => cell(r, 'Order Status') === 'Unpaid');
    expect(unpaid && cell(unpaid, 'Paid Time')).toBe('\t');
    const fmt = exportTime('UTC');
    expect(fmt(Date.UTC(2025, 11, 15, 9, 30, 33))).toBe('12/15/2025 9:30:33 AM');
    expect(fmt(Date.UTC(2026, 0, 2, 0, 5, 0))).toBe('01/02/2026 12:05:00 AM');
    expect(exportTime('Asia/Singapore')(Date.UTC(2026, 0, 2, 0, 5, 0))).toBe('01/02/2026 8:05:00 AM');
  });

  it('uses TikTok status words, and keeps refunds distinguishable from cancellations', () => {
    const statusOf = new Map(rows.map((r) => [untab(cell(r, 'Order ID')), r] as const));
    const expected = {
      unpaid: 'Unpaid', paid: 'To ship', shipped: 'Shipped', cancelled: 'Cancelled', refunded: 'Cancelled',
    } as const;
    for (const o of seed.orders) {
      const r = statusOf.get(o.orderNo);
      if (!r) throw new Error('missing');
      const status = cell(r, 'Order Status');
      if (o.status === 'delivered') expect(['Completed', 'Shipped']).toContain(status);
      else expect(status).toBe(expected[o.status]);
      if (o.status === 'delivered') expect(cell(r, 'Order Substatus')).toMatch(/^(Completed|Delivered)$/);
      if (o.status === 'refunded') {
        expect(cell(r, 'Cancelation/Return Type')).toBe('Return/Refund');
        expect(toMinor(cell(r, 'Order Refund Amount'))).toBe(o.amountMinor);
        expect(cell(r, 'Delivered Time')).not.toBe('\t');
      }
      if (o.status === 'cancelled') expect(cell(r, 'Cancelation/Return Type')).toBe('Cancel');
      if (o.status !== 'cancelled' && o.status !== 'refunded') expect(cell(r, 'Cancelation/Return Type')).toBe('');
    }
  });

  it('writes phone numbers as "(+65)91234567" and never e-mails', () => {
    const lily = rows.find((r) => cell(r, 'Buyer Username') === 'lily_chen');
    expect(lily && cell(lily, 'Phone #')).toBe('(+65)91234567');
    expect(csv).not.toContain('lily.chen@gmail.com');
  });

  it('quotes fields with commas and quotes (RFC 4180) and they survive the round trip', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const names = new Set(rows.map((r) => cell(r, 'Product Name')));
    expect(names).toContain('Ribbed Crew Socks "Everyday" (3 pairs)');
    expect(names).toContain('Hair Claw Clip Set, 3 pcs');
  });

  it('can add TikTok\'s second row of field descriptions', () => {
    const [h, d, ...rest] = parseCsv(ordersCsv(seed, { descriptionRow: true }).slice(1));
    expect(h).toEqual(header);
    expect(d?.[0]).toBe('Platform unique order ID.');
    expect(rest).toHaveLength(rows.length);
  });

  it('names the file after the anchor day', () => {
    expect(ordersCsvFileName(ANCHOR)).toBe('Demo_Market_orders_20260510.csv');
  });
});
