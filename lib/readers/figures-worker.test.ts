import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FiguresReply, FiguresRequest } from './figures';

// The reads themselves are the store's (report-data tests): here, only when each one runs.
const log: string[] = [];
const reads: Record<string, () => void> = {};
const read = (kind: string) => () =>
  new Promise((resolve) => {
    log.push(`${kind} starts`);
    reads[kind] = () => {
      log.push(`${kind} ends`);
      resolve(kind === 'intervals' ? [5] : []);
    };
  });
vi.mock('@/lib/store/report-data', () => ({ readRepurchaseIntervals: read('intervals'), readCategoryFigures: read('categories') }));
vi.mock('@/lib/store/database', () => ({ RegularsDb: class { close() {} } }));

afterEach(() => vi.unstubAllGlobals());

describe('the figures worker', () => {
  it('reads one figure at a time: the second question waits for the first read to end', async () => {
    const replies: FiguresReply[] = [];
    const self = { onmessage: undefined as undefined | ((e: MessageEvent<FiguresRequest>) => void), postMessage: (r: FiguresReply) => replies.push(r) };
    vi.stubGlobal('self', self);
    await import('./figures-worker');
    self.onmessage!({ data: { id: 1, kind: 'intervals', timeZone: 'UTC' } } as MessageEvent<FiguresRequest>);
    self.onmessage!({ data: { id: 2, kind: 'categories', timeZone: 'UTC' } } as MessageEvent<FiguresRequest>);
    await vi.waitFor(() => expect(log).toEqual(['intervals starts']));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['intervals starts']);
    reads.intervals!();
    await vi.waitFor(() => expect(log).toEqual(['intervals starts', 'intervals ends', 'categories starts']));
    reads.categories!();
    await vi.waitFor(() => expect(replies.map((r) => r.id)).toEqual([1, 2]));
    expect(replies[0]).toMatchObject({ ok: true, kind: 'intervals', value: [5] });
  });
});
