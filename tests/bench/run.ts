// `npm run bench`: one JSON line per figure, each with its baseline measured in the same run.
// Built with REGULARS_BENCH=1 (adds bench.html to a separate .output-bench build).
import { readFileSync } from 'node:fs';
import { syncBenches } from './sync';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { findChromium } from '../support/chromium';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../support/extension';
import { DEFAULT_TIER_LADDER } from '../../lib/domain/tiers';
import type { TierLadder } from '../../lib/domain/types';
import { benchHandle } from './generate';
import { startBenchSite } from './pages';
import { chromiumTreePss } from './rss';
import { shopifyExport } from './shopify';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

declare const regularsBench: {
  generate(members: number, orders: number, now: number): number;
  insertRatio(count: number, now: number): Promise<{ rows: number; members: number; identities: number; storeMs: number; rawMs: number; rawAllMs: number; phases: Record<string, number> }>;
  seedThroughProtocol(): Promise<{ ms: number; counts: { members: number; orders: number } }>;
  directLookups(samples: number, members: number): Promise<{ samples: number; medianMs: number; p95Ms: number; maxMs: number }>;
  rawPutOfStoredOrders(): Promise<{ rows: number; ms: number }>;
  lookups(samples: number, members: number): Promise<{ samples: number; found: number; medianMs: number; p95Ms: number; maxMs: number }>;
  storeCounts(): Promise<{ members: number; orders: number }>;
  segmentEval(filter: Record<string, unknown>, runs?: number): Promise<{ members: number; matched: number; warmMs: number; warmMaxMs: number; coldMs: number; afterChangeMs: number; served: { disk: number; scans: number }; protocolMs: number; rawGetAllMs: number }>;
  rawReadAll(): Promise<{ members: number; orders: number; ms: number }>;
  applyLadder(ladder: TierLadder): Promise<{ members: number; up: number; down: number; ms: number; roundTripMs: number; reportRefreshMs: number }>;
  reportRecompute(): Promise<{ ms: number; roundTripMs: number }>;
  addBirthdays(): Promise<number>;
  sweeps(repeats: number): Promise<{ first: { created: number; suppressed: number }; firstMs: number; medianMs: number; maxMs: number; rawMembersMs: number; rawOrdersMs: number; reminders: number }>;
  openReminders(count: number, now: number): Promise<number>;
  clearReminders(): Promise<void>;
  todayFetch(samples: number): Promise<{ medianMs: number; p95Ms: number }>;
  todayDirect(samples: number): Promise<{ medianMs: number; p95Ms: number }>;
  reportsSettled(): Promise<void>;
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 300_000);
const round = (n: number) => Math.round(n * 100) / 100;
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};
const BENCH_DIR = path.join(ROOT, '.output-bench', 'chrome-mv3');

async function panelFrameOf(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The panel frame never appeared on the bench chat page');
}

/** Detection → panel painted with data, per buyer, at the seeded store's size. */
async function panelPaint(context: BrowserContext, site: string, members: number) {
  const page = await context.newPage();
  await page.goto(`${site}/chat`);
  const frame = await panelFrameOf(page);
  const count = () => frame.evaluate(() => (globalThis as { regularsPaintTimings?: number[] }).regularsPaintTimings?.length ?? 0);
  for (let i = 0; i < 230; i++) {
    const before = await count();
    await page.evaluate((h) => (window as unknown as { showBuyer(h: string): void }).showBuyer(h), benchHandle((i * 104729) % members));
    for (let w = 0; w < 400 && (await count()) === before; w++) await page.waitForTimeout(5);
  }
  const timings = await frame.evaluate(() => (globalThis as { regularsPaintTimings?: number[] }).regularsPaintTimings ?? []);
  await page.close();
  return timings.slice(30); // the first ones wake the worker and warm caches
}

/** Main-thread time of Regulars on a page where no buyer is shown. */
async function contentScriptCost(context: BrowserContext, site: string) {
  const page = await context.newPage();
  const checks: number[] = [];
  for (let i = 0; i < 15; i++) {
    await page.goto(`${site}/orders?load=${i}`);
    await page.waitForTimeout(150);
    for (let n = 0; n < 5; n++) {
      await page.evaluate((k) => (window as unknown as { goPlain(n: number): void }).goPlain(k), n);
      await page.waitForTimeout(120);
    }
    checks.push(...(await page.evaluate(() => performance.getEntriesByName('regulars:check').map((e) => e.duration))));
  }
  await page.close();
  return checks;
}

/** Script time per page load, from Chromium's own metrics: with our content script and without. */
async function scriptTimePerLoad(context: BrowserContext, site: string, loads = 20) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const per: number[] = [];
  for (let i = 0; i < loads; i++) {
    const before = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
    await page.goto(`${site}/orders?cost=${i}`);
    await page.waitForTimeout(200);
    const after = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
    per.push((after - before) * 1000);
  }
  await page.close();
  return per;
}
const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

/**
 * The reports page, opened as a person does: navigation → every chart drawn (body[data-ready],
 * performance mark 'regulars:reports-ready'), several loads, against a raw IndexedDB read of the
 * same members and orders in the same run. Then the tier ladder applied to every member.
 */
async function reportsBench(context: BrowserContext, extensionId: string, bench: Page) {
  const loads: number[] = [];
  let firstRefreshed = false;
  for (let i = 0; i < 5; i++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/reports.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
    const { ready, refreshed, charts } = await page.evaluate(() => ({
      ready: performance.getEntriesByName('regulars:reports-ready')[0]?.startTime ?? NaN,
      refreshed: document.body.dataset.refreshed === 'true',
      charts: document.querySelectorAll('.chart canvas').length,
    }));
    if (charts < 4) throw new Error(`The reports page drew ${charts} charts, not 4`);
    if (i > 0 && refreshed) throw new Error('A warm load of the reports page found its snapshot stale');
    if (i === 0) firstRefreshed = refreshed;
    loads.push(ready);
    await page.close();
  }
  const warm = loads.slice(1); // the first load may find the snapshot stale and wait for it
  const raw = await bench.evaluate(() => regularsBench.rawReadAll());
  const recompute = await bench.evaluate(() => regularsBench.reportRecompute());
  emit({
    bench: 'reports-page-ready',
    members: raw.members,
    orders: raw.orders,
    loads: loads.length,
    first_load_ms: round(loads[0]!),
    median_ms: round(pct(warm, 0.5)),
    max_ms: round(Math.max(...warm)),
    first_load_refreshed: firstRefreshed,
    target_ms: 1000,
    // Baseline: reading every member and order with raw IndexedDB getAll, nothing computed or drawn.
    raw_getall_members_orders_ms: round(raw.ms),
    // A stale snapshot (new day, new orders, other settings): the background reads and computes it all.
    snapshot_recompute_ms: round(recompute.ms),
    snapshot_recompute_round_trip_ms: round(recompute.roundTripMs),
  });

  // Re-ranking every member: a ladder whose Silver is easier (many move up), then the default back.
  const easier: TierLadder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'silver' ? { ...s, minSpendMinor: 5_000 } : s)) };
  const up = await bench.evaluate((l) => regularsBench.applyLadder(l), easier);
  const back = await bench.evaluate((l) => regularsBench.applyLadder(l), DEFAULT_TIER_LADDER);
  const yearly = await bench.evaluate((l) => regularsBench.applyLadder(l), { ...DEFAULT_TIER_LADDER, window: { days: 365 } } as TierLadder);
  await bench.evaluate((l) => regularsBench.applyLadder(l), DEFAULT_TIER_LADDER);
  // The ladder editor: counts on screen after opening the options page, and after one edit.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const countsShown = () => document.querySelector('[data-testid="tier-count"]')?.textContent?.includes('·') === true;
  await options.waitForFunction(countsShown, undefined, { timeout: 120_000 });
  const countsAt = await options.evaluate(() => performance.now());
  const before = await options.getByTestId('tier-count').allTextContents();
  const editStarted = Date.now();
  await options.getByLabel('Spend needed for Silver').fill('60');
  await options.waitForFunction((old) => [...document.querySelectorAll('[data-testid="tier-count"]')].map((e) => e.textContent).join('|') !== old, before.join('|'));
  const editMs = Date.now() - editStarted;
  await options.close();

  emit({
    bench: 'tier-editor-counts',
    members: up.members,
    counts_shown_after_open_ms: round(countsAt),
    counts_after_edit_ms_incl_playwright: editMs,
  });
  emit({
    bench: 'tier-reevaluation',
    members: up.members,
    easier_silver_ms: round(up.ms),
    easier_silver_round_trip_ms: round(up.roundTripMs),
    easier_silver_moved_up: up.up,
    back_to_default_ms: round(back.ms),
    back_to_default_moved_down: back.down,
    rolling_12_months_ms: round(yearly.ms),
    rolling_12_months_moved: yearly.up + yearly.down,
  });
}

/**
 * Popup opened N times: navigation start → Today's first frame with data.
 * The page is read over CDP (Runtime.evaluate), not with Playwright's waitForFunction: that one
 * injects Playwright's 330 KB script into each new page, and a trace showed it evaluating for
 * 7.5 ms on the popup's main thread inside the very interval measured, which no user's popup has.
 * Each open is a new page, as a popup is a new view each time it opens: navigating one tab from
 * popup to popup made every open also tear down the previous popup's list (3,500 nodes).
 */
async function todayPaint(context: BrowserContext, extensionId: string, loads = 40) {
  const times: number[] = [];
  const answers: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    const cdp = await context.newCDPSession(page);
    await page.goto(`chrome-extension://${extensionId}/popup.html?load=${i}`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const mark = (name: string) => `performance.getEntriesByName('regulars:${name}')[0]?.startTime`;
      const expression = `globalThis.regularsTodayPaint === undefined || ${mark('today-complete')} === undefined ? undefined : [globalThis.regularsTodayPaint, ${mark('today-answered')} - ${mark('today-asked')}, ${mark('today-complete')}]`;
      const read = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
      const painted = read.result.value as [number, number, number] | undefined;
      if (painted !== undefined) {
        times.push(painted[0]);
        answers.push(painted[1]);
        complete.push(painted[2]);
        break;
      }
      if (Date.now() > deadline) throw new Error(`The popup showed no Today list within 30 s (load ${i})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await cdp.detach();
    await page.close();
    // The user clicks away, and opens the popup again a moment later.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The first loads compile and warm the worker. `answers`: from asking for the list to its answer;
  // `complete`: every row rendered (the first frame draws the first rows, the rest follow).
  return { times: times.slice(5), answers: answers.slice(5), complete: complete.slice(5) };
}

/** The background's full rule sweep over the seeded store, and the popup's Today with 5,000 open reminders. */
async function reminderBenches(page: Page, context: BrowserContext, extensionId: string, counts: { members: number; orders: number }) {
  const birthdays = await page.evaluate(() => regularsBench.addBirthdays());
  await backgroundSettled(page);
  const sweep = await page.evaluate(() => regularsBench.sweeps(7));
  emit({
    bench: 'reminder-sweep',
    note: 'every rule over the store, in the background, through the protocol; a holiday in the next week makes it read every member',
    members: counts.members,
    orders: counts.orders,
    birthdays,
    first_ms: round(sweep.firstMs),
    first_created: sweep.first.created + sweep.first.suppressed,
    repeat_median_ms: round(sweep.medianMs),
    repeat_max_ms: round(sweep.maxMs),
    reminders_in_store: sweep.reminders,
    // Baselines in the same run: one raw IndexedDB getAll of every member, and of every order.
    raw_getall_members_ms: round(sweep.rawMembersMs),
    raw_getall_orders_ms: round(sweep.rawOrdersMs),
    target_ms: 1000,
  });
  await page.evaluate(() => regularsBench.clearReminders());
  await backgroundSettled(page);
  const { times: empty } = await todayPaint(context, extensionId, 45);
  const open = await page.evaluate(([n]) => regularsBench.openReminders(n!, Date.now()), [5000]);
  const { times: full, answers, complete } = await todayPaint(context, extensionId, 65);
  const fetch = await page.evaluate(() => regularsBench.todayFetch(20));
  const direct = await page.evaluate(() => regularsBench.todayDirect(20));
  emit({ bench: 'today-list-direct', note: 'the list computed on an extension page, no messaging', median_ms: round(direct.medianMs), p95_ms: round(direct.p95Ms) });
  emit({ bench: 'popup-today-open', open_reminders: open, list_message_median_ms: round(fetch.medianMs), list_message_p95_ms: round(fetch.p95Ms), samples: full.length, median_ms: round(pct(full, 0.5)), p95_ms: round(pct(full, 0.95)), max_ms: round(Math.max(...full)), baseline_no_reminders_p95_ms: round(pct(empty, 0.95)), answer_in_popup_median_ms: round(pct(answers, 0.5)), answer_in_popup_p95_ms: round(pct(answers, 0.95)), all_rows_rendered_median_ms: round(pct(complete, 0.5)), all_rows_rendered_p95_ms: round(pct(complete, 0.95)), target_p95_ms: 150 });
}

/** A generated Shopify export imported through the options page, as a person does: end to end. */
async function importBench(orders: number, members: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-bench-import-'));
  const file = path.join(dir, 'orders_export.csv');
  const csv = shopifyExport(orders, members, Date.now());
  const fileBytes = Buffer.byteLength(csv);
  await writeFile(file, csv);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'regulars-bench-profile-'));
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR, userDataDir });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peak = 0;
    let peakPss = 0;
    const idlePss = chromiumTreePss(userDataDir);
    let sampling = true;
    const sample = async () => {
      while (sampling) {
        const m = (await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))).metrics;
        peak = Math.max(peak, m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
        peakPss = Math.max(peakPss, chromiumTreePss(userDataDir));
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const sampler = sample();
    await page.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    const t = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^\s*Imported/ }).waitFor({ timeout: 15 * 60_000 });
    const ms = Date.now() - t;
    sampling = false;
    await sampler;
    const bench = await ext.context.newPage();
    await bench.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await bench.waitForFunction(() => document.body.dataset.ready === 'true');
    const raw = await bench.evaluate(() => regularsBench.rawPutOfStoredOrders());
    emit({
      bench: 'import-shopify-file',
      file_mb: round(fileBytes / 1e6),
      orders: raw.rows,
      ms,
      orders_per_s: Math.round(raw.rows / (ms / 1000)),
      options_page_peak_js_heap_mb: round(peak / 1e6),
      // Every Chromium process of this profile (browser, options page, import worker, background).
      browser_pss_idle_mb: round(idlePss / 1e6),
      browser_pss_peak_mb: round(peakPss / 1e6),
      raw_orders_ms: round(raw.ms),
      ratio_vs_raw_orders: round(ms / raw.ms),
      target_orders_per_s: 5000,
      target_ratio: 1.5,
    });
  } finally {
    await ext.close();
    await rm(dir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  }
}

// A win-back audience as a shop would save it: lapsed high tiers in the slipping RFM groups, no
// complainers, nobody who asked not to be contacted. The second adds a platform (a scan of identities).
const SEGMENT_FILTER = { tiers: ['silver', 'gold', 'diamond'], lastOrder: { kind: 'atLeastDaysAgo', days: 90 }, rfm: ['atRisk', 'cantLose', 'hibernating', 'aboutToSleep'], tags: { none: ['complained'] }, doNotContact: 'exclude' };
const SEGMENT_FILTER_PLATFORM = { ...SEGMENT_FILTER, platforms: ['demo'] };

/**
 * Waits until the background has nothing of its own left to do after the store changed: the
 * reports' snapshot recomputed (reports.refresh answers once it is), and the member facts rebuilt
 * after their pause (member-snapshot.ts keepMemberFactsFresh). Figures taken while it computes
 * measure the two processes sharing a 2-core machine, not the page.
 */
async function backgroundSettled(page: Page) {
  await page.waitForTimeout(11_000);
  await page.evaluate(() => regularsBench.reportsSettled());
}

async function segmentBenches(page: Page) {
  await backgroundSettled(page);
  for (const [label, filter] of [['saved-segment', SEGMENT_FILTER], ['saved-segment-with-platform', SEGMENT_FILTER_PLATFORM]] as const) {
    await page.evaluate((f) => regularsBench.segmentEval(f, 1), filter); // warm-up
    const r = await page.evaluate((f) => regularsBench.segmentEval(f, 5), filter);
    // warm: the facts in memory; cold: a context that just started (a worker that woke) reads the
    // facts from disk; after_change: a member changed a moment ago and the facts are not rebuilt yet (a scan).
    emit({ bench: label, members: r.members, matched: r.matched, warm_median_ms: round(r.warmMs), warm_max_ms: round(r.warmMaxMs), through_protocol_ms: round(r.protocolMs), cold_median_ms: round(r.coldMs), after_change_median_ms: round(r.afterChangeMs), facts_from_disk: r.served.disk, facts_scans: r.served.scans, raw_getall_members_ms: round(r.rawGetAllMs), cold_ratio_vs_raw_getall: round(r.coldMs / r.rawGetAllMs), target_ms: 300 });
  }
}

/**
 * The members page at full size: time to the first rows, then frame times (requestAnimationFrame
 * deltas) while the table is scrolled programmatically, steadily and in scrollbar-drag jumps.
 */
async function membersTableScroll(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  const t = Date.now();
  await page.goto(`chrome-extension://${extensionId}/members.html#/members`);
  await page.locator('.mt-row').first().waitFor({ timeout: 120_000 });
  const firstRowsMs = Date.now() - t;
  const rows = Number(await page.getByTestId('segment-count').getAttribute('data-count'));
  // Let the page settle (saved segments, tag vocabulary, garbage of the first render).
  await page.waitForTimeout(3000);
  // tsx names inner functions with an __name helper that the page doesn't have.
  await page.evaluate('globalThis.__name = (f) => f');
  const trace = process.env.BENCH_TRACE ? await startTrace(page) : undefined;
  const frames = await page.evaluate(async () => {
    const el = document.querySelector<HTMLElement>('[data-testid=members-scroller]')!;
    // Chromium's long-animation-frame entries: frames whose own work (script, style, layout) took over 50 ms.
    const long: { start: number; duration: number; detail: string }[] = [];
    type Loaf = PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; blockingDuration: number; scripts: { invoker: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number }[] };
    // Where a long frame's time went: its scripts, and the render and style/layout phases.
    const detail = (e: Loaf) =>
      `scripts ${e.scripts.map((s) => `${s.invoker}${s.sourceFunctionName ? `/${s.sourceFunctionName}` : ''} ${Math.round(s.duration)}ms`).join(', ') || 'none'}; render ${Math.round(e.startTime + e.duration - (e.renderStart || e.startTime + e.duration))}ms; style+layout ${Math.round(e.startTime + e.duration - (e.styleAndLayoutStart || e.startTime + e.duration))}ms`;
    new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration, detail: detail(e as Loaf) })))).observe({ type: 'long-animation-frame' });
    const longIn = (from: number, to: number) => long.filter((e) => e.start >= from && e.start < to);
    const run = (move: (i: number) => void, count: number) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        let i = 0;
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (i >= count) return resolve(deltas.slice(1));
          move(i++);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
    const max = () => el.scrollHeight - el.clientHeight;
    // Baseline in the same run: frames of the same page while nothing scrolls (the machine's noise).
    let t0 = performance.now();
    const idle = await run(() => undefined, 200);
    const idleLong = longIn(t0, performance.now());
    t0 = performance.now();
    const steady = await run(() => (el.scrollTop = Math.min(max(), el.scrollTop + 240)), 600);
    const steadyLong = longIn(t0, performance.now());
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    t0 = performance.now();
    const jumps = await run(() => (el.scrollTop = Math.floor(random() * max())), 200);
    await new Promise((r) => setTimeout(r, 200)); // the last entries are reported after their frame
    const jumpsLong = longIn(t0, performance.now());
    return { idle, steady, jumps, long: { idle: idleLong, steady: steadyLong, jumps: jumpsLong }, scrollHeight: el.scrollHeight };
  });
  if (trace) await writeFile(process.env.BENCH_TRACE!, JSON.stringify({ traceEvents: await trace() }));
  await page.close();
  return { rows, firstRowsMs, ...frames };
}

/**
 * BENCH_TRACE=FILE: a Chromium trace of the scroll (main thread tasks, GC, frames) written to FILE,
 * to see what a long frame was. Tracing slows the page: figures of such a run are not comparable.
 */
async function startTrace(page: Page): Promise<() => Promise<unknown[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.gc', 'blink.gc', 'disabled-by-default-v8.gc', 'cppgc'] }, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    return events;
  };
}

function emitScroll(r: Awaited<ReturnType<typeof membersTableScroll>>) {
  for (const [kind, frames, long] of [['steady 240px/frame', r.steady, r.long.steady], ['scrollbar jumps', r.jumps, r.long.jumps]] as const) {
    emit({
      bench: 'members-table-scroll',
      scroll: kind,
      rows: r.rows,
      frames: frames.length,
      median_frame_ms: round(pct(frames, 0.5)),
      p95_frame_ms: round(pct(frames, 0.95)),
      max_frame_ms: round(Math.max(...frames)),
      frames_over_50ms: frames.filter((f) => f > 50).length,
      long_animation_frames: long.length,
      longest_animation_frame_ms: round(Math.max(0, ...long.map((e) => e.duration))),
      long_animation_frame_details: long.map((e) => `${Math.round(e.duration)}ms: ${e.detail}`),
      // Baseline in the same run: the same page, not scrolling (the machine's own noise; the machine is shared).
      idle_p95_frame_ms: round(pct(r.idle, 0.95)),
      idle_max_frame_ms: round(Math.max(...r.idle)),
      idle_frames_over_50ms: r.idle.filter((f) => f > 50).length,
      idle_long_animation_frames: r.long.idle.length,
      target_max_frame_ms: 50,
    });
  }
  emit({ bench: 'members-page-first-rows', rows: r.rows, ms: r.firstRowsMs, note: 'navigation to the first table rows: reads every member and identity, scores RFM, sorts by spend' });
}

/**
 * One group of figures on its own: Chromium with the bench build, the bench page, and the store
 * seeded through the protocol unless BENCH_PROFILE=DIR kept a seeded one from an earlier run.
 */
async function benchGroup(run: (page: Page, context: BrowserContext, extensionId: string, counts: { members: number; orders: number }) => Promise<void>) {
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR, userDataDir: process.env.BENCH_PROFILE });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    let counts = await page.evaluate(() => regularsBench.storeCounts());
    if (counts.members < MEMBERS) {
      await page.evaluate(([m, o, n]) => regularsBench.generate(m!, o!, n!), [MEMBERS, ORDERS, Date.now()]);
      const seeded = await page.evaluate(() => regularsBench.seedThroughProtocol());
      emit({ bench: 'seed-through-protocol', members: seeded.counts.members, orders: seeded.counts.orders, ms: round(seeded.ms) });
      counts = seeded.counts;
    }
    await run(page, ext.context, ext.extensionId, counts);
  } finally {
    await ext.close();
  }
}

/** BENCH_ONLY=segments: only the segment and members-table figures. */
const segmentsOnly = () =>
  benchGroup(async (page, context, extensionId) => {
    await segmentBenches(page);
    await backgroundSettled(page);
    emitScroll(await membersTableScroll(context, extensionId));
  });

/** BENCH_ONLY=reminders: only the reminder sweep and the popup's Today. */
const remindersOnly = () => benchGroup(reminderBenches);

async function main() {
  if (process.env.BENCH_ONLY === 'segments') return segmentsOnly();
  if (process.env.BENCH_ONLY === 'import') return importBench(Number(process.env.BENCH_IMPORT_ORDERS ?? 100_000), Number(process.env.BENCH_IMPORT_MEMBERS ?? 40_000));
  if (process.env.BENCH_ONLY === 'reminders') return remindersOnly();
  if (process.env.BENCH_ONLY === 'sync') return syncBenches();
  const contentJs = readFileSync(path.join(BENCH_DIR, 'content-scripts', 'content.js'));
  emit({ bench: 'content-script-size', bytes: contentJs.length, gzip_bytes: gzipSync(contentJs, { level: 9 }).length });

  const site = await startBenchSite();
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const now = Date.now();
    await page.evaluate(([m, o, n]) => regularsBench.generate(m!, o!, n!), [MEMBERS, ORDERS, now]);

    const reportsOnly = process.env.BENCH_ONLY === 'reports';
    const insert = reportsOnly ? undefined : await page.evaluate(([count, n]) => regularsBench.insertRatio(count!, n!), [ORDERS, now]);
    if (insert) emit({
      bench: 'order-insert',
      rows: insert.rows,
      members: insert.members,
      identities: insert.identities,
      store_ms: round(insert.storeMs),
      store_rows_per_s: Math.round(insert.rows / (insert.storeMs / 1000)),
      // Baseline 1: raw IndexedDB put of the order rows alone.
      raw_orders_ms: round(insert.rawMs),
      ratio_vs_raw_orders: round(insert.storeMs / insert.rawMs),
      // Baseline 2: raw put of everything the store holds afterwards (orders + members + identities).
      raw_same_data_ms: round(insert.rawAllMs),
      ratio_vs_raw_same_data: round(insert.storeMs / insert.rawAllMs),
      target_ratio: 1.3,
      store_phases_ms: Object.fromEntries(Object.entries(insert.phases).map(([k, v]) => [k, Math.round(v)])),
    });

    const seeded = await page.evaluate(() => regularsBench.seedThroughProtocol());
    emit({ bench: 'seed-through-protocol', members: seeded.counts.members, orders: seeded.counts.orders, ms: round(seeded.ms), orders_per_s: Math.round(seeded.counts.orders / (seeded.ms / 1000)) });

    await reportsBench(ext.context, ext.extensionId, page);
    if (reportsOnly) return;

    await page.evaluate(([m]) => regularsBench.lookups(200, m!), [MEMBERS]); // warm-up: cold worker, caches
    const lookup = await page.evaluate(([m]) => regularsBench.lookups(2000, m!), [MEMBERS]);
    const direct = await page.evaluate(([m]) => regularsBench.directLookups(2000, m!), [MEMBERS]);
    emit({ bench: 'member-lookup-direct', note: 'same lookups on the database from an extension page, no messaging', samples: direct.samples, median_ms: round(direct.medianMs), p95_ms: round(direct.p95Ms), max_ms: round(direct.maxMs) });
    emit({ bench: 'member-lookup', members: seeded.counts.members, orders: seeded.counts.orders, samples: lookup.samples, found: lookup.found, median_ms: round(lookup.medianMs), p95_ms: round(lookup.p95Ms), max_ms: round(lookup.maxMs), target_p95_ms: 5 });

    await segmentBenches(page);
    await backgroundSettled(page);
    emitScroll(await membersTableScroll(ext.context, ext.extensionId));

    const paint = await panelPaint(ext.context, site.url, MEMBERS);
    emit({ bench: 'panel-paint', members: seeded.counts.members, orders: seeded.counts.orders, samples: paint.length, median_ms: round(pct(paint, 0.5)), p95_ms: round(pct(paint, 0.95)), max_ms: round(Math.max(...paint)), target_p95_ms: 50 });

    await reminderBenches(page, ext.context, ext.extensionId, seeded.counts);

    const checks = await contentScriptCost(ext.context, site.url);
    emit({ bench: 'content-script-check', page: 'no buyer shown (loads + SPA navigations)', samples: checks.length, median_ms: round(pct(checks, 0.5)), p95_ms: round(pct(checks, 0.95)), max_ms: round(Math.max(...checks)), target_ms: 2 });

    // Baseline in the same run: the same page loads in the same Chromium without the extension.
    const withExt = await scriptTimePerLoad(ext.context, site.url);
    const plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const plainContext = await plain.newContext();
    const without = await scriptTimePerLoad(plainContext, site.url);
    await plain.close();
    emit({ bench: 'page-script-time', page: 'no buyer shown', with_extension_median_ms: round(pct(withExt, 0.5)), without_median_ms: round(pct(without, 0.5)), regulars_share_ms: round(pct(withExt, 0.5) - pct(without, 0.5)), target_ms: 2 });
  } finally {
    await ext.close();
    await site.close();
  }
  await importBench(Number(process.env.BENCH_IMPORT_ORDERS ?? 100_000), Number(process.env.BENCH_IMPORT_MEMBERS ?? 40_000));
  await syncBenches();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
