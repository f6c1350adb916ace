// Built only for `npm run bench` (REGULARS_BENCH=1): measures the store and the protocol in the
// real browser. Playwright calls the functions on window.regularsBench.
import { RegularsDb } from '@/lib/store/database';
import { importOrders, onImportPhase } from '@/lib/background/import/import-orders';
import { releaseCache, sessionCache } from '@/lib/background/import/import-cache';
import { writeWaiting } from '@/lib/background/import/import-end';
import { KEPT_BATCHES_KEY } from '@/lib/background/import/kept-batches';
import { IMPORT_BATCH, type ImportedOrder } from '@/lib/domain/imported-order';
import type { TierLadder } from '@/lib/domain/types';
import { send } from '@/lib/messaging/browser-client';
import { sendRead } from '@/lib/messaging/read-client';
import { lookupByHandle } from '@/lib/background/members/card';
import { segmentBench } from '@/tests/bench/segments';
import { benchHandle, benchOrders } from '@/tests/bench/generate';
import { reminderBench } from './reminders';
import { CURRENT_STORES, deleteDb, openRaw, rawPut } from './raw-idb';
import { syncBench } from './sync';
import { rawFloorBench } from './raw-floor';
import { putFloorBench } from './put-floor';

const BATCH = IMPORT_BATCH; // as the options page sends them

/** The real store, opened with raw IndexedDB (no Dexie). */
function openExisting(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('regulars');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function getAll(raw: IDBDatabase, table: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = raw.transaction(table).objectStore(table).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

let generated: ImportedOrder[] = [];

async function timedLookups(samples: number, members: number, lookup: (handle: string) => Promise<unknown>) {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < samples; i++) {
    const handle = benchHandle(Math.floor((i * 7919) % members));
    const t = performance.now();
    const card = await lookup(handle);
    times.push(performance.now() - t);
    if (card) found++;
  }
  times.sort((a, b) => a - b);
  return { samples, found, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: times[times.length - 1]! };
}

const bench = {
  ...reminderBench,
  ...syncBench,
  ...rawFloorBench,
  ...putFloorBench,
  generate(members: number, orders: number, now: number) {
    generated = benchOrders(members, orders, now);
    return generated.length;
  },

  /** Our store (identity resolution, stats, tiers) vs raw IndexedDB put of the same order rows. */
  async insertRatio(count: number, now: number) {
    const rows = generated.slice(0, count);
    await deleteDb('regulars-bench-store');
    const db = new RegularsDb('regulars-bench-store');
    await db.open();
    const phases: Record<string, number> = {};
    onImportPhase((phase, ms) => (phases[phase] = (phases[phase] ?? 0) + ms));
    const t = performance.now();
    // As the options page imports a file: one session, its member rows written at its end.
    const cache = await sessionCache(db, 'bench', 'import:bench');
    for (let i = 0; i < rows.length; i += BATCH) await importOrders(db, rows.slice(i, i + BATCH), now, cache);
    await writeWaiting(db, cache.deferred!, now, cache.origin);
    releaseCache(cache);
    const storeMs = performance.now() - t;
    onImportPhase(undefined);
    // The raw side stores the very rows our store wrote: first the orders alone (the rows of the
    // file), then everything the store holds after the import (orders, members, identities).
    const stored = { orders: await db.orders.toArray(), members: await db.members.toArray(), identities: await db.identities.toArray() };
    db.close();
    const timeRaw = async (tables: (keyof typeof stored)[]) => {
      const name = `regulars-bench-raw-${tables.join('-')}`;
      await deleteDb(name);
      const raw = await openRaw(name, tables);
      const t0 = performance.now();
      for (const table of tables) for (let i = 0; i < stored[table].length; i += BATCH) await rawPut(raw, table, stored[table].slice(i, i + BATCH));
      const ms = performance.now() - t0;
      raw.close();
      await deleteDb(name);
      return ms;
    };
    const rawMs = await timeRaw(['orders']);
    const rawAllMs = await timeRaw(['orders', 'members', 'identities']);
    await deleteDb('regulars-bench-store');
    return { rows: rows.length, members: stored.members.length, identities: stored.identities.length, storeMs, rawMs, rawAllMs, phases };
  },

  /** Fills the real store through the protocol, as an import from the options page does; `count`: the store counted after. */
  async seedThroughProtocol(count = true) {
    const t = performance.now();
    const session = crypto.randomUUID();
    for (let i = 0; i < generated.length; i += BATCH) await send('orders.import', { rows: generated.slice(i, i + BATCH), session });
    await send('orders.importEnd', { session });
    const ms = performance.now() - t;
    const endedAt = performance.timeOrigin + performance.now();
    // The rows are in the store now. Extension pages share one renderer and one JS heap, so 300k
    // rows kept here would be traced by every collection of the members page measured after.
    generated = [];
    return { ms, endedAt, counts: count ? await send('store.counts', {}) : undefined };
  },

  /** The same lookups straight on the database from this page: the protocol's share is the difference. */
  async directLookups(samples: number, members: number) {
    const db = new RegularsDb();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const handle = benchHandle(Math.floor((i * 7919) % members));
      const t = performance.now();
      await lookupByHandle(db, 'demo', handle, Date.now());
      times.push(performance.now() - t);
    }
    db.close();
    times.sort((a, b) => a - b);
    return { samples, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: times[times.length - 1]! };
  },

  /**
   * Raw IndexedDB put of every record the real store holds now, in every table (orders, members,
   * identities and whatever else the store wrote), into stores of the same keys and indexes: the
   * physical floor of an import that left the store so.
   */
  async rawPutOfStore() {
    const db = new RegularsDb();
    await db.open();
    const rows: Record<string, object[]> = {};
    for (const table of db.tables) rows[table.name] = await table.toArray();
    db.close();
    const tables = Object.keys(rows).filter((name) => rows[name]!.length > 0 && CURRENT_STORES[name]);
    await deleteDb('regulars-bench-raw-import');
    const raw = await openRaw('regulars-bench-raw-import', tables);
    const t = performance.now();
    // Each table's part, to set beside the store's own write time per table.
    const tableMs: Record<string, number> = {};
    for (const table of tables) {
      const start = performance.now();
      for (let i = 0; i < rows[table]!.length; i += BATCH) await rawPut(raw, table, rows[table]!.slice(i, i + BATCH));
      tableMs[table] = Math.round(performance.now() - start);
    }
    const ms = performance.now() - t;
    raw.close();
    await deleteDb('regulars-bench-raw-import');
    const counts = Object.fromEntries(tables.map((name) => [name, rows[name]!.length]));
    return { tables: counts, records: Object.values(counts).reduce((x, y) => x + y, 0), ms, tableMs };
  },

  /** The floor of re-ranking every member: raw getAll of the members, and all put back in one transaction. */
  async rawMembersRewrite() {
    const raw = await openExisting();
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('members', 'readwrite');
      const store = tx.objectStore('members');
      const req = store.getAll();
      req.onsuccess = () => {
        for (const row of req.result as object[]) store.put(row);
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - t;
    raw.close();
    return { ms };
  },

  /** Raw IndexedDB getAll of these tables of the real store, at once (the floor of a page that reads them all). */
  async rawGetAllOf(tables: string[]) {
    const raw = await openExisting();
    const t = performance.now();
    const counts = await Promise.all(tables.map((table) => getAll(raw, table).then((rows) => rows.length)));
    const ms = performance.now() - t;
    raw.close();
    return { rows: Object.fromEntries(tables.map((table, i) => [table, counts[i]!])), ms };
  },

  /** Removes the import's known batches kept on disk: the next import after a restart reads every order again (the cold re-import's baseline). */
  async forgetKeptBatches() {
    const raw = await openExisting();
    await new Promise((resolve, reject) => {
      const tx = raw.transaction('caches', 'readwrite');
      tx.objectStore('caches').delete(KEPT_BATCHES_KEY);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    raw.close();
  },

  /** Baseline of the reports page: raw IndexedDB getAll of every member and every order, no Dexie, no compute. */
  async rawReadAll() {
    const raw = await openExisting();
    const t = performance.now();
    const [members, orders] = await Promise.all([getAll(raw, 'members'), getAll(raw, 'orders')]);
    const ms = performance.now() - t;
    raw.close();
    return { members: members.length, orders: orders.length, ms };
  },

  /**
   * Applies a ladder to every member through the protocol, as the options page's Save does; then
   * lets the report snapshot catch up (timed apart), so the next figure isn't measured beside it.
   */
  async applyLadder(ladder: TierLadder) {
    const t = performance.now();
    const result = await send('tiers.apply', { ladder });
    const roundTripMs = performance.now() - t;
    const r = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past the keeper's quiet period
    await send('reports.refresh', {});
    return { ...result, roundTripMs, reportRefreshMs: performance.now() - r - 1200 };
  },

  /** The background's full recomputation of the report snapshot (what a stale page waits for). */
  async reportRecompute() {
    await send('settings.update', { lapseDays: 91 });
    const t = performance.now();
    const { ms } = (await send('reports.refresh', {})).snapshot;
    const roundTripMs = performance.now() - t;
    await send('settings.update', { lapseDays: 90 });
    await send('reports.refresh', {});
    return { ms, roundTripMs };
  },

  /** Member lookups as the panel asks them (over its read port, lib/messaging/read-port.ts). */
  lookups: (samples: number, members: number) => timedLookups(samples, members, (handle) => sendRead('member.lookup', { platform: 'demo', handle })),
  /** The same lookups by one runtime message each, as the panel asked them before its read port. */
  messageLookups: (samples: number, members: number) => timedLookups(samples, members, (handle) => send('member.lookup', { platform: 'demo', handle })),
};

/** What the bench runner (tests/bench) calls on window.regularsBench: its type is this object's. */
export type RegularsBench = typeof bench & typeof segmentBench;
(window as unknown as { regularsBench: RegularsBench }).regularsBench = { ...bench, ...segmentBench };
document.body.dataset.ready = 'true';
