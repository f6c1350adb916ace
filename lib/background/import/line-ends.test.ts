// Real exports mix line ends: a CRLF header over LF rows (a file edited in two tools), a lone CR
// ending the header, CR CR LF from a double conversion, CR only (old Mac tools). Whatever the mix,
// the orders stored are those of the same file written with one kind, read whole (the preview,
// in the worker) or streamed a piece at a time (big files).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport, type ReadOptions } from '../../import/read-export';
import { cutAtRecord, decodedChunks, streamOrderExport } from '../../import/stream-export';
import type { ImportedOrder } from '../../domain/imported-order';
import { memoryDb, NOW } from '../test-helpers';
import { importOrders } from './import-orders';

const fixture = (name: string) => readFileSync(new URL(`../../import/presets/fixtures/${name}`, import.meta.url), 'utf8');

/** The file's lines (BOM kept), written again with `ends(i)` after line i. */
function rewritten(text: string, ends: (i: number) => string): string {
  const lines = text.replace(/(\r?\n)+$/, '').split(/\r?\n/);
  return lines.map((line, i) => line + ends(i)).join('');
}

const MIXES: [string, (i: number) => string][] = [
  ['a CRLF header over LF rows', (i) => (i === 0 ? '\r\n' : '\n')],
  ['an LF header over CRLF rows', (i) => (i === 0 ? '\n' : '\r\n')],
  ['a lone CR ending the header', (i) => (i === 0 ? '\r' : '\n')],
  ['CRLF and LF alternating, with a stray CR CR LF', (i) => (i % 3 === 2 ? '\r\r\n' : i % 2 ? '\r\n' : '\n')],
  ['CR only', () => '\r'],
];

// Several regions, languages, date and amount formats (and eBay's notes above the header).
const FILES: [string, ReadOptions][] = [
  ['ebay-orders-report.csv', { timeZone: 'America/New_York', currency: 'USD' }],
  ['lazada-orders.csv', { timeZone: 'Asia/Kuala_Lumpur', currency: 'MYR' }],
  ['shopee-orders-id.csv', { timeZone: 'Asia/Jakarta', currency: 'IDR' }],
  ['shopify-orders_export.csv', { timeZone: 'UTC', currency: 'USD' }],
  ['woocommerce-billing.csv', { timeZone: 'Europe/Berlin', currency: 'EUR' }],
  ['EtsySoldOrders2026-3.uk.csv', { timeZone: 'Europe/London', currency: 'GBP' }],
];

/** What the store holds after importing these orders: each order's facts and its member's handle. */
async function stored(orders: ImportedOrder[]) {
  const db = memoryDb();
  await importOrders(db, orders, NOW);
  const members = new Map((await db.members.toArray()).map((m) => [m.id, m.orderCount]));
  return (await db.orders.toArray())
    .map((o) => [o.platform, o.orderNo, o.buyer, o.amountMinor, o.currency, o.status, o.placedAt, o.items.length, members.get(o.memberId)])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
}

function whole(text: string, name: string, options: ReadOptions) {
  const read = readOrderExport(new TextEncoder().encode(text), name, options);
  if (!read.ok) throw new Error(read.message);
  return read;
}

async function streamed(text: string, name: string, options: ReadOptions, pieceChars: number) {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 97));
      at += 97;
    },
  });
  const orders: ImportedOrder[] = [];
  const result = await streamOrderExport(decodedChunks(stream, 'utf-8'), name, { ...options, encoding: 'utf-8' }, bytes.length, async (batch) => void orders.push(...batch), { chunkChars: pieceChars });
  if (!result.ok) throw new Error(result.message);
  return { orders, result };
}

describe('a file whose line ends are mixed stores every order', () => {
  describe.each(FILES)('%s', (name, options) => {
    const original = fixture(name);
    const plain = rewritten(original, () => '\n');
    const expected = whole(plain, name, options);

    it('(the file has several orders to lose)', () => {
      expect(expected.orders.length).toBeGreaterThan(1);
    });

    it.each(MIXES)('read whole, with %s', async (_mix, ends) => {
      const read = whole(rewritten(original, ends), name, options);
      expect(read.rowCount).toBe(expected.rowCount);
      expect(read.problems).toEqual(expected.problems);
      expect(await stored(read.orders)).toEqual(await stored(expected.orders));
    });

    it.each(MIXES)('streamed in small pieces, with %s', async (_mix, ends) => {
      const { orders, result } = await streamed(rewritten(original, ends), name, options, 200);
      expect(result.rowCount).toBe(expected.rowCount);
      expect(await stored(orders)).toEqual(await stored(expected.orders));
    });
  });

  it('a piece is cut after a lone CR, but not between the CR and LF of a CRLF', () => {
    expect(cutAtRecord('a,b\r1,2\r3')).toEqual(['a,b\r1,2\r', '3', false]);
    expect(cutAtRecord('a,b\n1,2\r')).toEqual(['a,b\n', '1,2\r', false]);
    expect(cutAtRecord('a,"x\ry"\r1')).toEqual(['a,"x\ry"\r', '1', false]);
  });

  it('a streamed row is numbered as a spreadsheet shows it, blank lines and mixed line ends counted', async () => {
    const text = 'Order ID,Status,Buyer Username,Order Date,Total Price\r\n1,Delivered,ann,2026-03-04,10.00\n\n2,Delivered,bob,2026-03-05,x\r3,Delivered,cy,2026-03-06,12.00\n';
    const problems: number[] = [];
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(bytes), c.close()) });
    const options: ReadOptions = { timeZone: 'UTC', currency: 'USD', mapping: { orderNo: 'Order ID', buyer: 'Buyer Username', amount: 'Total Price', date: 'Order Date', status: 'Status', platform: 'other' } };
    const read = whole(text, 'orders.csv', options);
    const result = await streamOrderExport(decodedChunks(stream, 'utf-8'), 'orders.csv', { ...options, encoding: 'utf-8' }, bytes.length, async (_o, p) => void problems.push(...p.map((x) => x.line)), { chunkChars: 10 });
    expect(result).toMatchObject({ ok: true, rowCount: 3, orderCount: 2 });
    expect(read.problems.map((p) => p.line)).toEqual([4]);
    expect(problems).toEqual([4]);
  });
});
