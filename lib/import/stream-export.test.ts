import { describe, expect, it } from 'vitest';
import { ordersCsv } from '../../demo/export';
import { demoSeed } from '../../demo/seed';
import type { ImportedOrder } from '../domain/imported-order';
import type { ImportProblem } from './presets/types';
import { readOrderExport } from './read-export';
import { formatMessage } from '../i18n/message-format';
import { problemsZhCN, problemsZhTW } from '../i18n/problems';
import { cutAtRecord, decodedChunks, streamOrderExport } from './stream-export';
import { decodeBytes, sniffEncoding } from './decode';

const seed = demoSeed(Date.UTC(2026, 10, 23));
const options = { timeZone: 'UTC', currency: 'USD', platform: 'demo' as const };

function byteStream(bytes: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + piece));
      at += piece;
    },
  });
}

describe('reading a big export a chunk at a time', () => {
  it('cuts text only between records, never inside a quoted field', () => {
    expect(cutAtRecord('a,b\n"x\ny",z\nc,d')).toEqual(['a,b\n"x\ny",z\n', 'c,d', false]);
    expect(cutAtRecord('a,"open\nstill')).toEqual(['', 'a,"open\nstill', false]);
    expect(cutAtRecord('more"\n1,2\n', true)).toEqual(['more"\n1,2\n', '', false]);
  });

  it.each([
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0x41], 'utf-8'],
    ['UTF-8 cut inside a character', [0x41, 0xe4, 0xbd], 'utf-8'],
    ['GBK', [0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5], 'gb18030'],
    ['UTF-16LE with BOM', [0xff, 0xfe, 0x41, 0x00], 'utf-16le'],
  ] as const)('sniffs %s, and a whole file of those bytes decodes the same way', (_name, bytes, want) => {
    expect(sniffEncoding(new Uint8Array(bytes))).toBe(want);
    expect(decodeBytes(new Uint8Array(bytes)).encoding).toBe(want);
  });

  it('reads a whole UTF-8 file cut inside its last character as UTF-8, not as GBK', () => {
    const bytes = new TextEncoder().encode('Order,Buyer\n1,王小明');
    const decoded = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('Order,Buyer\n1,王小')).toBe(true);
  });

  it('gives the same orders as reading the whole file, in batches, with items split over chunks joined again', async () => {
    const csv = '\uFEFF' + ordersCsv(seed);
    const bytes = new TextEncoder().encode(csv);
    const whole = readOrderExport(bytes, 'orders.csv', options);
    if (!whole.ok) throw new Error(whole.message);

    const got: ImportedOrder[] = [];
    const problems: ImportProblem[] = [];
    let batches = 0;
    const result = await streamOrderExport(
      decodedChunks(byteStream(bytes, 7_777), 'utf-8'),
      'orders.csv',
      { ...options, encoding: 'utf-8' },
      bytes.length,
      async (orders, p, progress) => {
        batches++;
        got.push(...orders);
        problems.push(...p);
        expect(progress.bytes).toBeLessThanOrEqual(bytes.length);
      },
      { chunkChars: 20_000 }, // small chunks: many cuts, many orders split across them
    );
    expect(result).toMatchObject({ ok: true, rowCount: whole.rowCount, orderCount: whole.orders.length, problemCount: 0 });
    expect(batches).toBeGreaterThan(0);
    expect(got).toEqual(whole.orders);
  });

  it('a Shopify export, whose item rows carry no order fields, streams to the same orders as a whole read', async () => {
    const { shopifyExport } = await import('../../tests/bench/shopify');
    const csv = shopifyExport(400, 150, Date.UTC(2026, 10, 23));
    const bytes = new TextEncoder().encode(csv);
    const whole = readOrderExport(bytes, 'orders_export.csv', { ...options, platform: undefined });
    if (!whole.ok) throw new Error(whole.message);
    expect(whole.problems).toEqual([]);
    const got: ImportedOrder[] = [];
    const problems: ImportProblem[] = [];
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 3_001), 'utf-8'), 'orders_export.csv', { ...options, platform: undefined, encoding: 'utf-8' }, bytes.length, async (orders, p) => {
      got.push(...orders);
      problems.push(...p);
    }, { chunkChars: 5_000 });
    expect(result).toMatchObject({ ok: true, orderCount: whole.orders.length });
    expect(problems).toEqual([]);
    expect(got).toEqual(whole.orders);
  });

  it('a file no preset knows is refused naming the file and its columns, and saying what to do, in each language', async () => {
    const bytes = new TextEncoder().encode('Colour,Size,Weight\nred,S,2\n');
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 5), 'utf-8'), 'x.csv', { ...options, encoding: 'utf-8' }, bytes.length, async () => undefined, { chunkChars: 4 });
    if (result.ok) throw new Error('read');
    expect(result.refusal).toMatchObject({ code: 'unknownColumns', params: { file: 'x.csv', columns: 'Colour, Size, Weight' } });
    expect(result.message).toBe("x.csv: these columns don't match any export Regulars knows (Colour, Size, Weight…). Say which column holds what in the column mapping under the file, then import again.");
    expect(formatMessage(problemsZhCN['importRefusal.unknownColumns'], 'zh-CN', result.refusal.params)).toBe('x.csv：这些列与熟客认识的任何导出格式都不匹配（Colour, Size, Weight…）。请在文件下方的列对应中指出每一列是什么，然后重新导入。');
    expect(formatMessage(problemsZhTW['importRefusal.unknownColumns'], 'zh-TW', result.refusal.params)).toContain('請在檔案下方的欄位對應中指出每一欄是什麼');
  });

  it('a file that nearly is a known export is refused naming the column it lacks, as the preview does', async () => {
    const text = 'Sales Record Number,Order Number,Buyer Username,Item Title,Total Price,Order Date\n1,12-1-1,ann,Mug,$5.00,Mar-04-26\n';
    const bytes = new TextEncoder().encode(text);
    const whole = readOrderExport(bytes, 'ebay.csv', { ...options, platform: undefined });
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 9), 'utf-8'), 'ebay.csv', { ...options, platform: undefined, encoding: 'utf-8' }, bytes.length, async () => undefined, { chunkChars: 16 });
    if (result.ok || whole.ok) throw new Error('read');
    expect(result.refusal).toEqual(whole.refusal);
    expect(result.refusal).toMatchObject({ code: 'near', preset: 'ebay-orders', params: { columns: '"Sale Date"' } });
  });

  it("an eBay report with notes above its header streams to the same orders as a whole read (the header is searched for, as the preview's)", async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync(new URL('./presets/fixtures/ebay-orders-report.csv', import.meta.url)));
    const opts = { timeZone: 'America/New_York', currency: 'USD' };
    const whole = readOrderExport(bytes, 'eBay-OrdersReport.csv', opts);
    if (!whole.ok) throw new Error(whole.message);
    const got: ImportedOrder[] = [];
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 50), 'utf-8'), 'eBay-OrdersReport.csv', { ...opts, encoding: 'utf-8' }, bytes.length, async (o) => void got.push(...o), { chunkChars: 100 });
    expect(result).toMatchObject({ ok: true, rowCount: whole.rowCount, orderCount: whole.orders.length });
    expect(got).toEqual(whole.orders);
  });

  it("a file read through the user's column mapping streams to the same orders as a whole read with it", async () => {
    const lines = ['Ref,Client,Mobile,Paid,When,State'];
    for (let i = 1; i <= 300; i++) lines.push(`R${i},client${i % 40},,${(i * 1.25).toFixed(2)},2026-03-${String((i % 28) + 1).padStart(2, '0')} 10:00,${i % 7 === 0 ? 'Refunded' : 'Paid'}`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const mapping = { orderNo: 'Ref', buyer: 'Client', phone: 'Mobile', amount: 'Paid', date: 'When', status: 'State', platform: 'other' as const };
    const whole = readOrderExport(bytes, 'mine.csv', { ...options, mapping });
    if (!whole.ok) throw new Error(whole.message);
    const streamed: ImportedOrder[] = [];
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 700), 'utf-8'), 'mine.csv', { ...options, mapping, encoding: 'utf-8' }, bytes.length, async (orders) => void streamed.push(...orders), { chunkChars: 1000 });
    expect(result).toMatchObject({ ok: true, orderCount: 300 });
    expect(streamed).toEqual(whole.orders);
    expect(streamed.filter((o) => o.status === 'refunded')).toHaveLength(42);
  });

  it('a file with no buyer column is refused as a whole, naming the column, not row by row', async () => {
    const lines = ['Name,Financial Status,Fulfillment Status,Lineitem name,Total,Created at,Currency'];
    for (let i = 1; i <= 200; i++) lines.push(`#${1000 + i},paid,fulfilled,Scarf,12.00,2026-03-04 13:05:00 +0000,USD`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const batches: unknown[] = [];
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 500), 'utf-8'), 'orders_export.csv', { ...options, encoding: 'utf-8' }, bytes.length, async (o) => void batches.push(o), { chunkChars: 1000 });
    expect(result).toEqual({ ok: false, refusal: expect.objectContaining({ code: 'file', preset: 'shopify-orders', problem: expect.objectContaining({ code: 'noBuyerColumn' }) }), message: expect.stringMatching(/^orders_export\.csv \(Shopify orders export\) .*Email/) });
    expect(batches).toEqual([]);
  });
});
