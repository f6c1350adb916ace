// Order exports imported through the options page, as a person does: end to end. Four figures,
// each beside a baseline of the same run: a fresh import and a re-import of the same file (orders
// per second, against raw IndexedDB puts of every record the store holds afterwards), the same
// re-import after the background restarted (against the same without what the import keeps on
// disk), and the memory a large export takes (PSS of the whole browser above its idle figure).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../support/extension';
import { restartBackground } from '../support/stop-worker';
import { jobsUntilQuiet } from './busy';
import { BENCH_DIR, emit, round } from './common';
import { chromiumTreePssByProcess } from './rss';
import { writeShopifyExport } from './shopify';

/** Bytes per order of the generated export (measured: about 300), to size a file in MB. */
const BYTES_PER_ORDER = 297;

interface Imported {
  ms: number;
  peakJsHeap: number;
  peakPss: number;
  /** The peak's PSS per process, in MB. */
  peakByProcess: Record<string, number>;
  /** Where the time went: the background's phases, summed over batches, and the options page's waits. */
  phases: Record<string, number>;
}

export type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
type Phases = { read(): Record<string, number>; reset(): void };
type PageTimes = Record<string, { ms: number; calls: number }>;

/**
 * The phase split of one import (bench build only): the background's own phases (import-orders.ts
 * marks, each message's whole time in its router, queued behind the batch before included), the
 * options page's round trips to it and what of them is messaging (serialising, posting, parsing).
 */
function phaseSplit(ms: number, background: Record<string, number>, page: PageTimes): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(background)) out[`background.${k}`] = Math.round(v);
  const trips = Object.values(page).reduce((sum, t) => sum + t.ms, 0);
  for (const [k, v] of Object.entries(page)) {
    out[`page.${k}.round_trip`] = Math.round(v.ms);
    // Messaging both ways (serialising, posting, the router's validation of the request is inside route.*).
    const routed = background[`route.${k}`];
    if (routed !== undefined) out[`page.${k}.messaging`] = Math.round(v.ms - routed);
  }
  // The page sends a batch while the one before is stored: round trips overlap, and their sum may pass the import's time.
  out['page.round_trips_over_import_time'] = Math.round((trips / ms) * 100) / 100;
  return out;
}

/** One import of `file` on the options page, timed from the click to "Imported …", memory sampled meanwhile. */
export async function importOnce(ext: Launched, userDataDir: string, file: string, query = ''): Promise<Imported> {
  const { context, extensionId, serviceWorker } = ext;
  const page = await context.newPage();
  try {
    await serviceWorker.evaluate(() => (globalThis as unknown as { regularsImportPhases: Phases }).regularsImportPhases.reset());
    await page.goto(`chrome-extension://${extensionId}/options.html${query}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peakJsHeap = 0;
    let peakPss = 0;
    let peakByProcess: Record<string, number> = {};
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const m = (await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))).metrics;
        peakJsHeap = Math.max(peakJsHeap, m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
        const byProcess = chromiumTreePssByProcess(userDataDir);
        const pss = Object.values(byProcess).reduce((a, b) => a + b, 0);
        if (pss > peakPss) [peakPss, peakByProcess] = [pss, megabytes(byProcess)];
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await page.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    const t = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: /^\s*Imported/ });
    const failed = page.getByRole('alert').filter({ hasText: /\S/ });
    const outcome = await Promise.race([done.first().waitFor({ timeout: 30 * 60_000 }).then(() => 'done' as const), failed.first().waitFor({ timeout: 30 * 60_000 }).then(() => 'failed' as const)]);
    const ms = Date.now() - t;
    sampling = false;
    await sampler;
    if (outcome === 'failed') throw new Error(`The bench import of ${path.basename(file)} failed: ${(await failed.first().innerText()).trim()}`);
    const background = await serviceWorker.evaluate(() => (globalThis as unknown as { regularsImportPhases: Phases }).regularsImportPhases.read());
    const pageTimes = await page.evaluate(() => (window as unknown as { regularsImportTimes?: PageTimes }).regularsImportTimes ?? {});
    return { ms, peakJsHeap, peakPss, peakByProcess, phases: phaseSplit(ms, background, pageTimes) };
  } finally {
    await page.close();
  }
}

const megabytes = (byProcess: Record<string, number>) => Object.fromEntries(Object.entries(byProcess).map(([k, v]) => [k, round(v / 1e6)]));

/** The baseline of memory: the whole browser idle, the options page open and nothing imported yet. */
async function idleBrowserPss(context: BrowserContext, extensionId: string, userDataDir: string): Promise<{ pss: number; byProcess: Record<string, number> }> {
  const idle = await context.newPage();
  await idle.goto(`chrome-extension://${extensionId}/options.html`);
  await idle.waitForTimeout(2000);
  const byProcess = chromiumTreePssByProcess(userDataDir);
  await idle.close();
  return { pss: Object.values(byProcess).reduce((a, b) => a + b, 0), byProcess: megabytes(byProcess) };
}

export async function benchPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const bench = await context.newPage();
  await bench.goto(`chrome-extension://${extensionId}/bench.html`);
  await bench.waitForFunction(() => document.body.dataset.ready === 'true');
  return bench;
}

/** A browser with the bench build on a profile of its own, given a generated Shopify export; both removed after. */
async function withExport<T>(
  orders: number,
  members: number,
  run: (file: string, fileBytes: number, ext: Launched, userDataDir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-bench-import-'));
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'regulars-bench-profile-'));
  try {
    const file = path.join(dir, 'orders_export.csv');
    const fileBytes = await writeShopifyExport(file, orders, members, Date.now());
    const ext = await launchWithExtension({ extensionDir: BENCH_DIR, userDataDir });
    try {
      return await run(file, fileBytes, ext, userDataDir);
    } finally {
      await ext.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** The re-imports' transports, alternated so that neither always runs first or right after the fresh import. */
const REIMPORT_ORDER = ['posted', 'runtime', 'posted', 'runtime'] as const;
const TRANSPORT_QUERY = { posted: '', runtime: '?transport=runtime' } as const;

/**
 * Waits until the background has been idle long enough that nothing left of the import before runs
 * beside the next one: no lane job queued or running for longer than the keepers' save pause after
 * an import's writes (IMPORT_SAVE_PAUSE_MS, 15 s), so every save and sweep it started has run.
 */
async function backgroundIdle(worker: Launched['serviceWorker']): Promise<number> {
  const since = Date.now();
  await jobsUntilQuiet(worker, since, 17_000, 10 * 60_000);
  return Date.now() - since;
}

/** The median (of two runs, their mean). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** A fresh import of a Shopify export, then the same file again, against raw puts of everything the store then holds. */
export async function importBench(orders: number, members: number) {
  await withExport(orders, members, async (file, fileBytes, ext, userDataDir) => {
    const idle = await idleBrowserPss(ext.context, ext.extensionId, userDataDir);
    const idlePss = idle.pss;
    const fresh = await importOnce(ext, userDataDir, file);
    // Re-imports, posted to the service worker and by runtime messaging (JSON through the browser
    // process: the transport's baseline) alternately, each once the background is idle again.
    const again: (Imported & { transport: string; idle_wait_ms: number })[] = [];
    for (const transport of REIMPORT_ORDER) {
      const idleWaitMs = await backgroundIdle(ext.serviceWorker);
      again.push({ ...(await importOnce(ext, userDataDir, file, TRANSPORT_QUERY[transport])), transport, idle_wait_ms: idleWaitMs });
    }
    // Cold re-imports: the background restarted (as the next day, after the browser did), the warm
    // cache gone. First without the known batches kept on disk (every order read again: the baseline),
    // then with them (the record the run before kept).
    let worker = ext.serviceWorker;
    const coldRun = async (forgetKept: boolean) => {
      if (forgetKept) {
        const forget = await benchPage(ext.context, ext.extensionId);
        await forget.evaluate(() => regularsBench.forgetKeptBatches());
        await forget.close();
      }
      worker = await restartBackground(ext.context, ext.extensionId, worker);
      const idleWaitMs = await backgroundIdle(worker);
      return { ...(await importOnce({ ...ext, serviceWorker: worker }, userDataDir, file)), idle_wait_ms: idleWaitMs };
    };
    const cold = { without_kept: await coldRun(true), with_kept: await coldRun(false) };
    const bench = await benchPage(ext.context, ext.extensionId);
    // Baseline: every record the store holds after the import (orders, members, identities and all
    // else it wrote), put with raw IndexedDB into stores of the same keys and indexes.
    const raw = await bench.evaluate(() => regularsBench.rawPutOfStore());
    // What a put costs, and what fewer records per order would (the speed target's floor).
    const floor = await bench.evaluate(() => regularsBench.putFloor());
    await bench.close();
    const common = {
      file_mb: round(fileBytes / 1e6),
      orders: raw.tables.orders ?? 0,
      records_in_store: raw.records,
      records_by_table: raw.tables,
      raw_put_all_records_ms: round(raw.ms),
      raw_put_ms_by_table: raw.tableMs,
    };
    const perSecond = (ms: number) => Math.round(common.orders / (ms / 1000));
    emit({
      bench: 'idb-put-floor',
      note: 'raw puts of the store\'s orders and identities after the import, in IMPORT_BATCH transactions: as stored, without indexes, as bare keys, and grouped one record per member',
      orders: common.orders,
      shapes: floor,
    });
    emit({
      bench: 'import-shopify-file',
      ...common,
      ms: fresh.ms,
      orders_per_s: perSecond(fresh.ms),
      ratio_vs_raw_put_all_records: round(fresh.ms / raw.ms),
      options_page_peak_js_heap_mb: round(fresh.peakJsHeap / 1e6),
      // Every Chromium process of this profile (browser, options page, import worker, background).
      browser_pss_idle_mb: round(idlePss / 1e6),
      browser_pss_peak_above_idle_mb: round((fresh.peakPss - idlePss) / 1e6),
      target_orders_per_s: 4000,
      target_ratio: 1.3,
      browser_pss_idle_by_process_mb: idle.byProcess,
      browser_pss_peak_by_process_mb: fresh.peakByProcess,
      phases_ms: fresh.phases,
    });
    const byTransport = (t: string) => again.filter((a) => a.transport === t).map((a) => a.ms);
    const posted = median(byTransport('posted'));
    const runtime = median(byTransport('runtime'));
    emit({
      bench: 'reimport-shopify-file',
      note: 'the same file imported again: every order already stored; posted and runtime messaging alternately, each after the background was idle',
      ...common,
      runs: again.map((a) => ({ transport: a.transport, ms: a.ms, orders_per_s: perSecond(a.ms), idle_wait_ms: a.idle_wait_ms, phases_ms: a.phases })),
      ms: posted,
      orders_per_s: perSecond(posted),
      ratio_vs_raw_put_all_records: round(posted / raw.ms),
      // Baseline of the transport in the same run: the same re-import by runtime messaging.
      by_runtime_messaging_ms: runtime,
      by_runtime_messaging_orders_per_s: perSecond(runtime),
      browser_pss_peak_above_idle_mb: round((Math.max(...again.map((a) => a.peakPss)) - idlePss) / 1e6),
      target_orders_per_s: 10_000,
      phases_ms: again.find((a) => a.transport === 'posted')?.phases,
      by_runtime_messaging_phases_ms: again.find((a) => a.transport === 'runtime')?.phases,
    });
    emit({
      bench: 'reimport-cold-shopify-file',
      note: 'the same file again after the background restarted (no warm cache), posted; baseline: the same with the known batches kept on disk removed first',
      ...common,
      reimport_cold_ms: cold.with_kept.ms,
      reimport_cold_orders_per_s: perSecond(cold.with_kept.ms),
      reimport_cold_without_kept_batches_ms: cold.without_kept.ms,
      reimport_cold_without_kept_batches_orders_per_s: perSecond(cold.without_kept.ms),
      reimport_warm_ms: posted,
      reimport_warm_orders_per_s: perSecond(posted),
      idle_wait_ms: [cold.without_kept.idle_wait_ms, cold.with_kept.idle_wait_ms],
      target_orders_per_s: 10_000,
      reimport_cold_phases_ms: cold.with_kept.phases,
      reimport_cold_without_kept_batches_phases_ms: cold.without_kept.phases,
    });
  });
}

/** Memory of a large export's import: peak PSS of the whole browser above the same browser idle. */
export async function importMemoryBench(megabytes: number) {
  const orders = Math.ceil((megabytes * 1e6) / BYTES_PER_ORDER);
  await withExport(orders, Math.ceil(orders * 0.4), async (file, fileBytes, ext, userDataDir) => {
    const idle = await idleBrowserPss(ext.context, ext.extensionId, userDataDir);
    const idlePss = idle.pss;
    const fresh = await importOnce(ext, userDataDir, file);
    const bench = await benchPage(ext.context, ext.extensionId);
    const counts = await bench.evaluate(() => regularsBench.storeCounts());
    await bench.close();
    emit({
      bench: 'import-large-file-memory',
      file_mb: round(fileBytes / 1e6),
      orders: counts.orders,
      members: counts.members,
      ms: fresh.ms,
      orders_per_s: Math.round(counts.orders / (fresh.ms / 1000)),
      // Baseline in the same run: the same browser and profile with the options page open, idle.
      browser_pss_idle_mb: round(idlePss / 1e6),
      browser_pss_peak_mb: round(fresh.peakPss / 1e6),
      browser_pss_peak_above_idle_mb: round((fresh.peakPss - idlePss) / 1e6),
      options_page_peak_js_heap_mb: round(fresh.peakJsHeap / 1e6),
      target_above_idle_mb: 400,
      browser_pss_idle_by_process_mb: idle.byProcess,
      browser_pss_peak_by_process_mb: fresh.peakByProcess,
      phases_ms: fresh.phases,
    });
  });
}
