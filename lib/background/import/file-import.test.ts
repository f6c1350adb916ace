import { describe, expect, it } from 'vitest';
import { shopifyExport } from '../../../tests/bench/shopify';
import { importCapability } from './handlers';
import { fileImports, PAGE_GONE_MS } from './file-import';
import { memoryDb, NOW } from '../test-helpers';
import { DistinctKeys } from '../../import/distinct-keys';
import type { ResponseOf } from '../../messaging/protocol';

const page = {};
const options = { timeZone: 'UTC', currency: 'USD' };
// 600 orders from 200 buyers, in batches of 250 (the store's are IMPORT_BATCH, 2,500): three batches.
const ORDERS = 600;
const BATCH = 250;
const csv = shopifyExport(ORDERS, 200, Date.UTC(2026, 10, 23));
const file = () => new File([csv], 'orders_export.csv', { type: 'text/csv' });

type Progress = ResponseOf<'orders.importFileProgress'>;

async function setUp(clock?: () => number, storeMs = 0) {
  const db = memoryDb();
  const imports = importCapability(db, () => NOW);
  /** Sessions ended because their page was gone, and the checks for it waiting to run. */
  const ended: string[] = [];
  const checks: (() => void)[] = [];
  const files = fileImports(
    async (rowsJson, session) => {
      if (storeMs) await new Promise((r) => setTimeout(r, storeMs));
      return imports.handlers['orders.import']({ rowsJson, session }, page);
    },
    {
      clock,
      batchOrders: BATCH,
      endAbandoned: async (session) => {
        await imports.end(session);
        ended.push(session);
      },
      later: (check) => checks.push(check),
    },
  );
  return { db, imports, files, ended, checks };
}

const until = async (done: () => boolean | Promise<boolean>) => {
  while (!(await done())) await new Promise((r) => setTimeout(r, 2));
};

/** Every order's member is in the store, and the members are those of the orders stored. */
async function membersOfOrders(db: ReturnType<typeof memoryDb>) {
  const orders = await db.orders.toArray();
  const members = new Set(await db.members.toCollection().primaryKeys());
  const orphans = orders.filter((o) => !members.has(o.memberId)).length;
  return { orders: orders.length, members: members.size, orphans, buyers: new Set(orders.map((o) => o.memberId)).size };
}

/** The port the options page holds for its reading: `close` is the page going away. */
function holdPort(files: { pageHolds(id: string, onClose: (listener: () => void) => void): void }, id: string) {
  const listeners: (() => void)[] = [];
  files.pageHolds(id, (listener) => listeners.push(listener));
  return { close: () => listeners.forEach((listener) => listener()) };
}

/** Asks as the options page does until the file is through; every answer on the way. */
type Files = ReturnType<typeof fileImports>;

async function askUntilDone(files: Files, id: string, onAnswer?: (a: Progress) => void): Promise<{ answers: Progress[]; last: Progress }> {
  const answers: Progress[] = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 2));
    const answer = await files.handlers['orders.importFileProgress']({ id }, page);
    answers.push(answer);
    onAnswer?.(answer);
    if (answer.done || answer.lost) return { answers, last: answer };
  }
}

const storedOrders = (answers: Progress[]) => answers.flatMap((a) => a.stored).reduce((n, s) => n + s.orders, 0);

describe('a big file read by the background, where it is stored', () => {
  it('stores every order of the file in the session, batch by batch, and says what each batch changed', async () => {
    const { db, imports, files } = await setUp();
    const session = 'session-file-1';
    expect(await files.handlers['orders.importFile']({ id: 'read-file-1', session, file: file(), fileName: 'orders_export.csv', options }, page)).toEqual({ started: true });
    const { answers, last } = await askUntilDone(files, 'read-file-1');
    expect(last.done).toMatchObject({ ok: true, preset: { id: 'shopify-orders' }, platform: 'shopify', encoding: 'utf-8', orderCount: ORDERS });
    const stored = answers.flatMap((a) => a.stored);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(storedOrders(answers)).toBe(ORDERS);
    expect(stored.reduce((n, s) => n + s.result.orders.added, 0)).toBe(ORDERS);
    // Progress is the bytes read, up to the whole file.
    expect(last.progress.bytes).toBe(new TextEncoder().encode(csv).length);
    await imports.handlers['orders.importEnd']({ session }, page);
    expect(await db.orders.count()).toBe(ORDERS);
    expect(await db.members.count()).toBeGreaterThan(0);
    // The read is forgotten once its end was taken.
    expect((await files.handlers['orders.importFileProgress']({ id: 'read-file-1' }, page)).lost).toBe(true);
  });

  it('counts the orders of all the session’s files once, with those the page already went through', async () => {
    const { imports, files } = await setUp();
    const session = 'session-file-2';
    const pageSaw = new DistinctKeys();
    for (let i = 1; i <= 10; i++) pageSaw.add(`shopify:#${100_000 + i}`); // named again in the file
    pageSaw.add('shopify:only-on-the-page');
    await files.handlers['orders.importFile']({ id: 'read-file-2a', session, file: file(), fileName: 'a.csv', options, seen: pageSaw.hashes() }, page);
    const first = await askUntilDone(files, 'read-file-2a');
    const counted = new DistinctKeys();
    counted.addHashes(first.last.seen!);
    // The same file again in the same session, with the count the page took back: every order unchanged, none counted twice.
    await files.handlers['orders.importFile']({ id: 'read-file-2b', session, file: file(), fileName: 'b.csv', options, seen: first.last.seen! }, page);
    const second = await askUntilDone(files, 'read-file-2b');
    expect(second.answers.flatMap((a) => a.stored).reduce((n, s) => n + s.result.orders.unchanged, 0)).toBe(ORDERS);
    expect(second.last.seen).toHaveLength(ORDERS + 1);
    counted.addHashes(second.last.seen!);
    expect(counted.size).toBe(ORDERS + 1);
    await imports.handlers['orders.importEnd']({ session }, page);
  });

  it('stops when the page stops it: the batch being stored is the last, and what was stored can be taken back', async () => {
    // Each batch takes a while to store: the page sees the first stored while the next is on its way.
    const { db, imports, files } = await setUp(undefined, 150);
    const session = 'session-file-3';
    await files.handlers['orders.importFile']({ id: 'read-file-3', session, file: file(), fileName: 'orders_export.csv', options }, page);
    let stopped = false;
    const { answers, last } = await askUntilDone(files, 'read-file-3', (a) => {
      if (!stopped && a.stored.length) {
        stopped = true;
        void files.handlers['orders.importFileStop']({ id: 'read-file-3' }, page);
      }
    });
    expect(last.done).toMatchObject({ ok: false, refusal: { code: 'stopped' } });
    const reported = storedOrders(answers);
    // The first batch, and the second, which was being stored when the stop came; not the third.
    expect(reported).toBe(2 * BATCH);
    expect(await db.orders.count()).toBe(reported);
    await imports.handlers['orders.importCancel']({ session }, page);
    expect(await db.orders.count()).toBe(0);
  });

  it('stops on its own when the page no longer asks (closed mid-import)', async () => {
    let t = 0;
    const { files } = await setUp(() => t);
    await files.handlers['orders.importFile']({ id: 'read-file-4', session: 'session-file-4', file: file(), fileName: 'orders_export.csv', options }, page);
    t = PAGE_GONE_MS + 1;
    // Asked again much later: it had stopped at its next batch.
    await new Promise((r) => setTimeout(r, 200));
    const { answers, last } = await askUntilDone(files, 'read-file-4');
    expect(last.done).toMatchObject({ ok: false, refusal: { code: 'stopped' } });
    expect(storedOrders(answers)).toBeLessThan(ORDERS);
  });

  it('a page gone mid-import: the reading stops and the session ends here, every stored order with its member', async () => {
    let t = 0;
    const { db, files, ended } = await setUp(() => t, 20);
    await files.handlers['orders.importFile']({ id: 'read-file-7', session: 'session-file-7', file: file(), fileName: 'orders_export.csv', options }, page);
    // The page asks until a batch is stored, then is closed: it asks no more.
    await until(async () => (await files.handlers['orders.importFileProgress']({ id: 'read-file-7' }, page)).stored.length > 0);
    t = PAGE_GONE_MS + 1;
    await until(() => ended.length > 0);
    expect(ended).toEqual(['session-file-7']);
    const kept = await membersOfOrders(db);
    expect(kept.orders).toBeGreaterThan(0);
    expect(kept.orders).toBeLessThan(ORDERS);
    expect(kept).toMatchObject({ orphans: 0, members: kept.buyers });
  });

  it('a file read through with no page asking any more: its session ends once the page is gone, not before', async () => {
    let t = 0;
    const { db, files, ended, checks } = await setUp(() => t);
    await files.handlers['orders.importFile']({ id: 'read-file-8', session: 'session-file-8', file: file(), fileName: 'orders_export.csv', options }, page);
    await until(() => checks.length > 0);
    // Read through while the page could still ask: nothing ended yet, the members wait for the session's end.
    expect(ended).toEqual([]);
    expect((await membersOfOrders(db)).orders).toBe(ORDERS);
    expect((await membersOfOrders(db)).members).toBe(0);
    t = PAGE_GONE_MS + 1;
    checks.shift()!();
    await until(() => ended.length > 0);
    expect(await membersOfOrders(db)).toEqual({ orders: ORDERS, members: 200, orphans: 0, buyers: 200 });
  });

  it('a page that takes its answer ends the session itself: the check for a gone page then does nothing', async () => {
    let t = 0;
    const { files, ended, checks } = await setUp(() => t);
    await files.handlers['orders.importFile']({ id: 'read-file-9', session: 'session-file-9', file: file(), fileName: 'orders_export.csv', options }, page);
    await until(() => checks.length > 0);
    const { last } = await askUntilDone(files, 'read-file-9');
    expect(last.done).toMatchObject({ ok: true });
    t = PAGE_GONE_MS + 1;
    checks.shift()!();
    expect(ended).toEqual([]);
  });

  it('a page that holds its port is there however long it does not ask (a hidden tab); once the port closes its session ends at once', async () => {
    let t = 0;
    const { db, files, ended, checks } = await setUp(() => t);
    const port = holdPort(files, 'read-file-10');
    await files.handlers['orders.importFile']({ id: 'read-file-10', session: 'session-file-10', file: file(), fileName: 'orders_export.csv', options }, page);
    // Its timers run once a minute now: it asks no more for minutes.
    t = 10 * PAGE_GONE_MS;
    await until(async () => (await membersOfOrders(db)).orders === ORDERS);
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).toEqual([]);
    expect(checks).toEqual([]);
    expect((await membersOfOrders(db)).members).toBe(0);
    port.close();
    await until(() => ended.length > 0);
    expect(ended).toEqual(['session-file-10']);
    expect(await membersOfOrders(db)).toEqual({ orders: ORDERS, members: 200, orphans: 0, buyers: 200 });
  });

  it('a page whose port closes mid-import: the reading stops at its next batch and the session ends, every stored order with its member', async () => {
    const { db, files, ended } = await setUp(() => 0, 20);
    const port = holdPort(files, 'read-file-11');
    await files.handlers['orders.importFile']({ id: 'read-file-11', session: 'session-file-11', file: file(), fileName: 'orders_export.csv', options }, page);
    await until(async () => (await files.handlers['orders.importFileProgress']({ id: 'read-file-11' }, page)).stored.length > 0);
    port.close();
    await until(() => ended.length > 0);
    const kept = await membersOfOrders(db);
    expect(kept.orders).toBeGreaterThan(0);
    expect(kept.orders).toBeLessThan(ORDERS);
    expect(kept).toMatchObject({ orphans: 0, members: kept.buyers });
  });

  it('a page that takes its answer, or stops its import, and then closes its port ends the session itself', async () => {
    const { files, ended } = await setUp(() => 0);
    const taken = holdPort(files, 'read-file-12');
    await files.handlers['orders.importFile']({ id: 'read-file-12', session: 'session-file-12', file: file(), fileName: 'orders_export.csv', options }, page);
    expect((await askUntilDone(files, 'read-file-12')).last.done).toMatchObject({ ok: true });
    taken.close();

    const stopping = holdPort(files, 'read-file-13');
    await files.handlers['orders.importFile']({ id: 'read-file-13', session: 'session-file-13', file: file(), fileName: 'orders_export.csv', options }, page);
    await files.handlers['orders.importFileStop']({ id: 'read-file-13' }, page);
    stopping.close();
    expect((await askUntilDone(files, 'read-file-13')).last.done).toMatchObject({ ok: false, refusal: { code: 'stopped' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).toEqual([]);
  });

  it('keeps the worker awake while it reads a file, however seldom the page asks, and no longer once the file is through', async () => {
    const db = memoryDb();
    const imports = importCapability(db, () => NOW);
    let calls = 0;
    // Each batch takes 30 ms to store: the reading lasts some 100 ms, and the worker is kept awake every 5 ms of it.
    const files = fileImports(async (rowsJson, session) => {
      await new Promise((r) => setTimeout(r, 30));
      return imports.handlers['orders.import']({ rowsJson, session }, page);
    }, { batchOrders: BATCH, keepAwake: () => calls++, keepAwakeMs: 5 });
    await files.handlers['orders.importFile']({ id: 'read-file-14', session: 'session-file-14', file: file(), fileName: 'orders_export.csv', options }, page);
    await until(async () => (await db.orders.count()) === ORDERS);
    await new Promise((r) => setTimeout(r, 20));
    const during = calls;
    expect(during).toBeGreaterThan(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(during);
  });

  it('ends with the store’s own message when a batch fails, and stores nothing after it', async () => {
    const db = memoryDb();
    const imports = importCapability(db, () => NOW);
    let batches = 0;
    const files = fileImports(async (rowsJson, session) => {
      if (++batches === 2) throw new Error('the store refused batch 2');
      return imports.handlers['orders.import']({ rowsJson, session }, page);
    }, { batchOrders: BATCH });
    await files.handlers['orders.importFile']({ id: 'read-file-5', session: 'session-file-5', file: file(), fileName: 'orders_export.csv', options }, page);
    const { answers, last } = await askUntilDone(files, 'read-file-5');
    expect(last.done).toEqual({ ok: false, message: 'the store refused batch 2' });
    expect(storedOrders(answers)).toBe(BATCH);
    expect(batches).toBe(2);
  });

  it('refuses a file no preset reads, with the reader’s refusal', async () => {
    const { files } = await setUp();
    const odd = new File(['Colour,Size\nred,M\n'], 'odd.csv');
    await files.handlers['orders.importFile']({ id: 'read-file-6', session: 'session-file-6', file: odd, fileName: 'odd.csv', options }, page);
    const { last } = await askUntilDone(files, 'read-file-6');
    expect(last.done).toMatchObject({ ok: false, refusal: { code: 'unknownColumns' } });
    expect(last.done && !last.done.ok && last.done.message).toMatch(/odd\.csv/);
  });

  it('answers a read it does not know (the worker started again since) as lost', async () => {
    const { files } = await setUp();
    expect(await files.handlers['orders.importFileProgress']({ id: 'never-started' }, page)).toMatchObject({ lost: true });
  });
});
