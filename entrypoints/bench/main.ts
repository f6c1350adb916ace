// Built only for `npm run bench` (REGULARS_BENCH=1): measures the store and the protocol in the
// real browser. Playwright calls the functions on window.regularsBench.
import { RegularsDb } from '@/lib/db/database';
import { SCHEMA_V1 } from '@/lib/db/schema';
import { importOrders } from '@/lib/db/store';
import type { ImportedOrder } from '@/lib/import/imported-order';
import { send } from '@/lib/messaging/browser-client';
import { benchHandle, benchOrders } from '@/tests/bench/generate';

const BATCH = 2000;

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

/** An object store shaped like ours (key path and indexes of `orders`), without Dexie. */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('orders', { keyPath: 'id' });
      for (const spec of SCHEMA_V1.stores.orders!.split(',').slice(1).map((s) => s.trim())) {
        const compound = spec.startsWith('[');
        const keyPath = compound ? spec.slice(1, -1).split('+') : spec;
        store.createIndex(spec, keyPath);
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawPut(db: IDBDatabase, rows: object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('orders', 'readwrite');
    const store = tx.objectStore('orders');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

let generated: ImportedOrder[] = [];

const bench = {
  generate(members: number, orders: number, now: number) {
    generated = benchOrders(members, orders, now);
    return generated.length;
  },

  /** Our store (identity resolution, stats, tiers) vs raw IndexedDB put of the same order rows. */
  async insertRatio(count: number, now: number) {
    const rows = generated.slice(0, count);
    await deleteDb('regulars-bench-store');
    await deleteDb('regulars-bench-raw');
    const db = new RegularsDb('regulars-bench-store');
    await db.open();
    let t = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) await importOrders(db, rows.slice(i, i + BATCH), now);
    const storeMs = performance.now() - t;
    // The raw side stores the very rows our store wrote, so both write the same bytes.
    const stored = await db.orders.toArray();
    db.close();
    const raw = await openRaw('regulars-bench-raw');
    t = performance.now();
    for (let i = 0; i < stored.length; i += BATCH) await rawPut(raw, stored.slice(i, i + BATCH));
    const rawMs = performance.now() - t;
    raw.close();
    await deleteDb('regulars-bench-store');
    await deleteDb('regulars-bench-raw');
    return { rows: rows.length, storeMs, rawMs, ratio: storeMs / rawMs };
  },

  /** Fills the real store through the protocol, as an import from the options page does. */
  async seedThroughProtocol() {
    const t = performance.now();
    for (let i = 0; i < generated.length; i += BATCH) await send('orders.import', { rows: generated.slice(i, i + BATCH) });
    return { ms: performance.now() - t, counts: await send('store.counts', {}) };
  },

  async lookups(samples: number, members: number) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < samples; i++) {
      const handle = benchHandle(Math.floor((i * 7919) % members));
      const t = performance.now();
      const card = await send('member.lookup', { platform: 'demo', handle });
      times.push(performance.now() - t);
      if (card) found++;
    }
    times.sort((a, b) => a - b);
    return { samples, found, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: times[times.length - 1]! };
  },
};

(window as unknown as { regularsBench: typeof bench }).regularsBench = bench;
document.body.dataset.ready = 'true';
