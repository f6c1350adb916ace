import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../background/handlers';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { createClient } from './client';
import { createRouter } from './router';
import { answerWorkerPosts, BackgroundGone, postingRuntime, type PostEvent, type PostingEnv } from './worker-post';

const OWN = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const PAGE_URL = 'chrome-extension://ourextensionid/options.html';

/**
 * A page and a service worker joined as the browser joins them: what one posts reaches the other by
 * structured clone, a task later. `stop()` stops the worker: it answers nothing more and the
 * page's watch port closes.
 */
function pageAndWorker(route: (message: unknown, sender: { id?: string; url?: string }) => Promise<unknown>, hasWorker = true) {
  const workerListeners: ((e: PostEvent) => void)[] = [];
  const pageListeners: ((data: unknown) => void)[] = [];
  const watchers: (() => void)[] = [];
  let running = true;
  const waits: Promise<unknown>[] = [];
  const source = { url: PAGE_URL, postMessage: (m: unknown) => void setTimeout(() => running && pageListeners.forEach((l) => l(structuredClone(m)))) };
  answerWorkerPosts({ addEventListener: (_type, l) => workerListeners.push(l) }, route, OWN.id);
  const runtime = { sendMessage: vi.fn(async (m: unknown) => route(structuredClone(m), { id: OWN.id, url: PAGE_URL })) };
  const env: PostingEnv = {
    worker: async () =>
      hasWorker
        ? { postMessage: (m: unknown) => void setTimeout(() => running && workerListeners.forEach((l) => l({ data: structuredClone(m), origin: 'chrome-extension://ourextensionid', source, waitUntil: (p) => waits.push(p) }))) }
        : undefined,
    onAnswer: (l) => pageListeners.push(l),
    watch: (gone) => watchers.push(gone),
    runtime,
  };
  const stop = () => {
    running = false;
    watchers.splice(0).forEach((gone) => gone());
  };
  return { send: createClient(postingRuntime(env)), runtime, stop, restart: () => void (running = true), waits };
}

describe('an import posted to the background’s service worker', () => {
  it('stores a file, and the same file again with one order changed is one update and the rest unchanged', async () => {
    const db = memoryDb(undefined, undefined, 'worker-post-reimport');
    const route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
    const { send, runtime, waits } = pageAndWorker(route);
    const file = [order({ orderNo: 'p1', buyer: { handle: 'ana' } }), order({ orderNo: 'p2', buyer: { handle: 'bo' }, status: 'shipped' }), order({ orderNo: 'p3', buyer: { handle: 'ana' }, amountMinor: 2500 })];

    expect((await send('orders.import', { rows: file, session: 'session-post-1' })).orders).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await send('orders.importEnd', { session: 'session-post-1' })).toMatchObject({ ended: true, members: { created: 2 } });
    const again = file.map((o) => (o.orderNo === 'p2' ? { ...o, status: 'delivered' as const, amountMinor: 1500 } : o));
    expect((await send('orders.import', { rows: again, session: 'session-post-2' })).orders).toEqual({ added: 0, updated: 1, unchanged: 2 });
    await send('orders.importEnd', { session: 'session-post-2' });

    expect(await db.orders.get('demo:p2')).toMatchObject({ status: 'delivered', amountMinor: 1500 });
    expect(runtime.sendMessage).not.toHaveBeenCalled();
    // The worker was told to stay up while it answered each post.
    expect(waits).toHaveLength(4);
  });

  it('cancelled, the import takes back what its batches stored', async () => {
    const db = memoryDb(undefined, undefined, 'worker-post-cancel');
    const route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
    const { send } = pageAndWorker(route);
    await send('orders.import', { rows: [order({ orderNo: 'c0', buyer: { handle: 'kept' } })] });
    // Two batches in flight and the cancel right behind them, as the options page sends them.
    const batches = [1, 2].map((n) => send('orders.import', { rows: [order({ orderNo: `c${n}`, buyer: { handle: `b${n}` } })], session: 'session-post-cancel' }));
    const cancelled = send('orders.importCancel', { session: 'session-post-cancel' });
    await Promise.all(batches);
    expect(await cancelled).toEqual({ orders: 2, members: 2, kept: 0 });
    expect((await db.orders.toArray()).map((o) => o.orderNo)).toEqual(['c0']);
  });

  it('answers each request, however many are in flight, with its own reply', async () => {
    const route = async (message: unknown) => {
      const n = (message as { payload: { n: number } }).payload.n;
      await new Promise((r) => setTimeout(r, (5 - n) * 3)); // later requests answer first
      return { ok: true, data: n * 10 };
    };
    const { send } = pageAndWorker(route);
    const post = send as unknown as (name: string, payload: { n: number }) => Promise<number>;
    expect(await Promise.all([1, 2, 3, 4].map((n) => post('x', { n })))).toEqual([10, 20, 30, 40]);
  });

  it('goes by runtime messaging where the background has no service worker (Firefox)', async () => {
    const db = memoryDb(undefined, undefined, 'worker-post-none');
    const route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
    const { send, runtime } = pageAndWorker(route, false);
    expect((await send('orders.import', { rows: [order({ orderNo: 'f1' })] })).orders.added).toBe(1);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('fails a request the worker stopped before answering, and the next request reaches it again', async () => {
    let hold = true;
    const route = async () => {
      while (hold) await new Promise((r) => setTimeout(r, 2));
      return { ok: true, data: 'stored' };
    };
    const worker = pageAndWorker(route);
    const send = worker.send as unknown as (name: string, payload: object) => Promise<string>;
    const waiting = send('orders.import', {});
    await new Promise((r) => setTimeout(r, 10));
    worker.stop();
    await expect(waiting).rejects.toBeInstanceOf(BackgroundGone);
    hold = false;
    worker.restart();
    expect(await send('orders.import', {})).toBe('stored');
  });

  it('is refused by the router when it does not come from our own pages', async () => {
    const listeners: ((e: PostEvent) => void)[] = [];
    const route = createRouter(createHandlers({ db: memoryDb(undefined, undefined, 'worker-post-forbidden'), now: () => NOW }), OWN);
    answerWorkerPosts({ addEventListener: (_t, l) => listeners.push(l) }, route, OWN.id);
    const answers: unknown[] = [];
    let done: Promise<unknown> = Promise.resolve();
    listeners[0]!({
      data: { regularsPost: 1, message: { regulars: 1, name: 'orders.import', payload: { rows: [order()] } } },
      origin: 'https://evil.example',
      source: { url: 'https://evil.example/', postMessage: (m) => answers.push(m) },
      waitUntil: (p) => (done = p),
    });
    await done;
    expect(answers).toEqual([{ regularsPost: 1, reply: { ok: false, error: { code: 'forbidden', message: expect.any(String) } } }]);
  });
});
