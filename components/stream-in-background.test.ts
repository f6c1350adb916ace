import { describe, expect, it } from 'vitest';
import { DistinctKeys } from '@/lib/import/distinct-keys';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { streamEither, streamInBackground } from './stream-in-background';

type Progress = ResponseOf<'orders.importFileProgress'>;
const options = { timeZone: 'UTC', currency: 'USD' };
const file = new File(['Name,Email\n#1,a@example.com\n'], 'orders_export.csv');
const stored = (added: number) => ({ result: { orders: { added, updated: 0, unchanged: 0 }, members: { created: 0, updated: 0 }, merges: [] }, orders: added });

/** A background that answers each progress ask with the next of `answers`, and records what it was asked. */
function fakeAsk(answers: Progress[]) {
  const asked: { name: string; payload: unknown }[] = [];
  const ask = (async (name: string, payload: unknown) => {
    asked.push({ name, payload });
    if (name === 'orders.importFile') return { started: true };
    if (name === 'orders.importFileStop') return { stopped: true };
    return answers.shift() ?? { stored: [], problems: [], progress: { bytes: 0, totalBytes: 0, rows: 0 } };
  }) as Parameters<typeof streamInBackground>[0];
  return { ask, asked };
}

describe('the page’s side of a file the background reads', () => {
  it('hands the file over with the orders counted so far, passes on what was stored, and takes the count back at the end', async () => {
    const background = new DistinctKeys();
    for (const key of ['shopify:#1', 'shopify:#2', 'shopify:#3']) background.add(key);
    const { ask, asked } = fakeAsk([
      { stored: [stored(2)], problems: [], progress: { bytes: 10, totalBytes: 20, rows: 2 } },
      { stored: [stored(1)], problems: [], progress: { bytes: 20, totalBytes: 20, rows: 3 }, done: { ok: true, preset: { id: 'shopify-orders', label: 'Shopify' }, platform: 'shopify', encoding: 'utf-8', rowCount: 3, orderCount: 3, problemCount: 0 }, seen: background.hashes() },
    ]);
    const seen = new DistinctKeys();
    seen.add('shopify:#1');
    const got: number[] = [];
    const stream = streamInBackground(ask, file, options, 'session-1', seen, (batches, _problems, progress) => got.push(...batches.map((b) => b.orders), progress.bytes), { askMs: 1 });
    expect(await stream.done).toMatchObject({ ok: true, orderCount: 3 });
    expect(got).toEqual([2, 10, 1, 20]);
    expect(seen.size).toBe(3);
    const start = asked[0]!;
    expect(start.name).toBe('orders.importFile');
    expect(start.payload).toMatchObject({ session: 'session-1', file, fileName: 'orders_export.csv', options });
    expect((start.payload as { seen: Float64Array }).seen).toHaveLength(1);
  });

  it('fails, saying the background stopped, when the background no longer knows the read', async () => {
    const { ask } = fakeAsk([{ lost: true, stored: [], problems: [], progress: { bytes: 0, totalBytes: 0, rows: 0 } }]);
    const stream = streamInBackground(ask, file, options, 'session-2', new DistinctKeys(), () => undefined, { askMs: 1 });
    expect(await stream.done).toMatchObject({ ok: false, message: 'The background stopped before it answered' });
  });

  it('a stop asks the background to stop, and ends only once the background says the read is over', async () => {
    const { ask, asked } = fakeAsk([
      { stored: [], problems: [], progress: { bytes: 0, totalBytes: 20, rows: 0 } },
      { stored: [], problems: [], progress: { bytes: 0, totalBytes: 20, rows: 0 } },
      { stored: [stored(5)], problems: [], progress: { bytes: 5, totalBytes: 20, rows: 5 }, done: { ok: false, refusal: { code: 'stopped' }, message: 'stopped' } },
    ]);
    const got: number[] = [];
    const stream = streamInBackground(ask, file, options, 'session-3', new DistinctKeys(), (b) => got.push(...b.map((s) => s.orders)), { askMs: 1 });
    stream.stop();
    expect(await stream.done).toMatchObject({ ok: false, refusal: { code: 'stopped' } });
    expect(asked.map((a) => a.name)).toContain('orders.importFileStop');
    // The batch stored before the stop took is still reported: the cancel that follows takes it back.
    expect(got).toEqual([5]);
  });

  it('a spreadsheet, or a page with no service worker to hand it to, is read by the page', async () => {
    const zip = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'orders.xlsx');
    const which = async (f: File, canHand: boolean) => {
      const ok = { ok: true, preset: { id: 'x', label: 'x' }, platform: 'demo', encoding: 'utf-8', rowCount: 0, orderCount: 0, problemCount: 0 } as const;
      let chose = '';
      await streamEither(f, async () => canHand, () => ((chose = 'background'), { done: Promise.resolve(ok), stop: () => undefined }), () => ((chose = 'page'), { done: Promise.resolve(ok), stop: () => undefined })).done;
      return chose;
    };
    expect(await which(file, true)).toBe('background');
    expect(await which(file, false)).toBe('page');
    expect(await which(zip, true)).toBe('page');
  });
});
