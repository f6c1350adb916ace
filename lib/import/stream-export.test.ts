import { describe, expect, it } from 'vitest';
import { ordersCsv } from '../../demo/export';
import { demoSeed } from '../../demo/seed';
import type { ImportedOrder } from './imported-order';
import type { ImportProblem } from './presets/types';
import { readOrderExport } from './read-export';
import { cutAtRecord, decodedChunks, sniffEncoding, streamOrderExport } from './stream-export';

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
  ] as const)('sniffs %s', (_name, bytes, want) => {
    expect(sniffEncoding(new Uint8Array(bytes))).toBe(want);
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
      20_000, // small chunks: many cuts, many orders split across them
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
    }, 5_000);
    expect(result).toMatchObject({ ok: true, orderCount: whole.orders.length });
    expect(problems).toEqual([]);
    expect(got).toEqual(whole.orders);
  });

  it('a file no preset knows is refused with its columns named', async () => {
    const bytes = new TextEncoder().encode('a,b,c\n1,2,3\n');
    const result = await streamOrderExport(decodedChunks(byteStream(bytes, 5), 'utf-8'), 'x.csv', { ...options, encoding: 'utf-8' }, bytes.length, async () => undefined, 4);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("x.csv: these columns don't match") });
  });
});
