// The members page at full size (first rows, scrolling) and saved segments evaluated over the store.
import { writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { backgroundSettled, emit, pct, round } from './common';

// A win-back audience as a shop would save it: lapsed high tiers in the slipping RFM groups, no
// complainers, nobody who asked not to be contacted. The second adds a platform (a scan of identities).
const SEGMENT_FILTER = { tiers: ['silver', 'gold', 'diamond'], lastOrder: { kind: 'atLeastDaysAgo', days: 90 }, rfm: ['atRisk', 'cantLose', 'hibernating', 'aboutToSleep'], tags: { none: ['complained'] }, doNotContact: 'exclude' };
const SEGMENT_FILTER_PLATFORM = { ...SEGMENT_FILTER, platforms: ['demo'] };

export async function segmentBenches(page: Page) {
  await backgroundSettled(page);
  for (const [label, filter] of [['saved-segment', SEGMENT_FILTER], ['saved-segment-with-platform', SEGMENT_FILTER_PLATFORM]] as const) {
    await page.evaluate((f) => regularsBench.segmentEval(f, 1), filter); // warm-up
    const r = await page.evaluate((f) => regularsBench.segmentEval(f, 5), filter);
    // warm: the facts in memory; cold: a context that just started (a worker that woke) reads the
    // facts from disk; after_change: a member changed a moment ago (on this page, and through the
    // protocol as the panel does): the facts are kept up to date from the change stream.
    emit({
      bench: label,
      members: r.members,
      matched: r.matched,
      warm_median_ms: round(r.warmMs),
      warm_max_ms: round(r.warmMaxMs),
      through_protocol_ms: round(r.protocolMs),
      cold_median_ms: round(r.coldMs),
      after_change_median_ms: round(r.afterChangeMs),
      after_change_through_protocol_median_ms: round(r.afterChangeProtocolMs),
      facts_from_disk: r.served.disk,
      facts_scans: r.served.scans,
      raw_getall_members_ms: round(r.rawGetAllMs),
      cold_ratio_vs_raw_getall: round(r.coldMs / r.rawGetAllMs),
      target_ms: 300,
    });
  }
}

/**
 * The members page at full size: time to the first rows, then frame times (requestAnimationFrame
 * deltas) while the table is scrolled programmatically, steadily and in scrollbar-drag jumps.
 */
export async function membersTableScroll(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  const t = Date.now();
  await page.goto(`chrome-extension://${extensionId}/members.html#/members`);
  await page.locator('.mt-row').first().waitFor({ timeout: 120_000 });
  const firstRowsMs = Date.now() - t;
  // The first rows can come ahead of the whole list (first-rows.ts); the count is set once it is there.
  await page.locator('[data-testid=segment-count][data-count]').waitFor({ timeout: 120_000 });
  const wholeListMs = Date.now() - t;
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
    type Loaf = PerformanceEntry & {
      renderStart: number;
      styleAndLayoutStart: number;
      blockingDuration: number;
      scripts: { invoker: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number }[];
    };
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
  return { rows, firstRowsMs, wholeListMs, ...frames };
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

/** `raw`: the same run's raw IndexedDB getAll of every member and identity, the floor of the first rows. */
export function emitScroll(r: Awaited<ReturnType<typeof membersTableScroll>>, raw: { rows: Record<string, number>; ms: number }) {
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
  emit({
    bench: 'members-page-first-rows',
    note: 'navigation to the first table rows (the highest spend, from the kept member facts), then to the whole list (every member and identity read, RFM scored, sorted by spend)',
    rows: r.rows,
    ms: r.firstRowsMs,
    whole_list_ms: r.wholeListMs,
    raw_getall_members_identities_ms: round(raw.ms),
    raw_rows: raw.rows,
    target_ms: 1500,
  });
}
