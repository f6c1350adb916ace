// The background's reminder sweep over the seeded store, and the popup's Today list.
import type { BrowserContext, Page } from '@playwright/test';
import { backgroundSettled, emit, pct, round } from './common';
import { lanesWithin, readJobs } from './busy';

/**
 * A page opened in a new tab: navigation start → what `expression` reads, polled until it is
 * defined. The page is read over CDP (Runtime.evaluate), not with Playwright's waitForFunction:
 * that one injects Playwright's 330 KB script into each new page, and a trace showed it evaluating
 * for 7.5 ms on the popup's main thread inside the very interval measured, which no user's popup
 * has. Each open is a new page, as a popup is a new view each time it opens: navigating one tab
 * from popup to popup made every open also tear down the previous popup's list (3,500 nodes).
 */
async function openOnce<T>(context: BrowserContext, url: string, expression: string): Promise<T> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  const deadline = Date.now() + 30_000;
  let value: T | undefined;
  while (value === undefined) {
    const read = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    value = (read.result.value ?? undefined) as T | undefined;
    if (value === undefined && Date.now() > deadline) throw new Error(`${url} showed nothing within 30 s`);
    if (value === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await cdp.detach();
  await page.close();
  // The user clicks away, and opens the popup again a moment later.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return value;
}

const FIRST_CONTENTFUL_PAINT = `performance.getEntriesByName('first-contentful-paint')[0]?.startTime`;
const DOCUMENT = `performance.getEntriesByType('navigation')[0].responseEnd`;
const mark = (name: string) => `performance.getEntriesByName('regulars:${name}')[0]?.startTime`;
/** Where a popup open's time goes: each a time from navigation start (ms), read once Today is complete. */
const POPUP_STEPS = {
  // The document arrived; then its scripts are loaded, compiled and run (the popup asks for Today first thing).
  document: DOCUMENT,
  scripts: mark('today-asked'),
  settings: mark('settings-answered'),
  words: mark('words-ready'),
  mounted: mark('mounted'),
  answered: mark('today-answered'),
  paint: 'globalThis.regularsTodayPaint',
  contentfulPaint: FIRST_CONTENTFUL_PAINT,
};
type PopupOpen = Record<keyof typeof POPUP_STEPS | 'answer' | 'complete', number>;
const POPUP_OPENED = `globalThis.regularsTodayPaint === undefined || ${mark('today-complete')} === undefined || ${FIRST_CONTENTFUL_PAINT} === undefined ? undefined : ({ ${Object.entries(
  POPUP_STEPS,
)
  .map(([k, v]) => `${k}: ${v}`)
  .join(', ')}, answer: ${mark('today-answered')} - ${mark('today-asked')}, complete: ${mark('today-complete')} })`;
/** The floor's page (the popup's page without its script, bench build only: wxt.config.ts): no script; its first contentful paint and when its document arrived. */
const FLOOR_OPENED = `${FIRST_CONTENTFUL_PAINT} === undefined ? undefined : [${FIRST_CONTENTFUL_PAINT}, ${DOCUMENT}]`;

/**
 * Popup opened N times: navigation start → Today's first frame with data, and the steps on the way.
 * With `floor`, each open is followed by one of an extension page with no script, opened the same
 * way: the floor under the popup's figure, measured under the same load.
 */
async function todayPaint(context: BrowserContext, extensionId: string, loads = 40, floor = false) {
  const runs: PopupOpen[] = [];
  const floors: [number, number][] = [];
  for (let i = 0; i < loads; i++) {
    runs.push(await openOnce<PopupOpen>(context, `chrome-extension://${extensionId}/popup.html?load=${i}`, POPUP_OPENED));
    if (floor) floors.push(await openOnce<[number, number]>(context, `chrome-extension://${extensionId}/bench-floor.html?load=${i}`, FLOOR_OPENED));
  }
  // The first loads compile and warm the worker. `answers`: from asking for the list to its answer;
  // `complete`: every row rendered (the first frame draws the first rows, the rest follow).
  const kept = runs.slice(5);
  return {
    times: kept.map((r) => r.paint),
    answers: kept.map((r) => r.answer),
    complete: kept.map((r) => r.complete),
    runs: kept,
    floorPaint: floors.slice(5).map((f) => f[0]),
    floorDocument: floors.slice(5).map((f) => f[1]),
  };
}

/** Median and p95 of each step of the popup's opens. */
const stepFigures = (runs: readonly PopupOpen[]) =>
  Object.fromEntries(
    Object.keys(POPUP_STEPS).map((k) => {
      const times = runs.map((r) => r[k as keyof PopupOpen]);
      return [k, [round(pct(times, 0.5)), round(pct(times, 0.95))]];
    }),
  );

/** The background's full rule sweep over the seeded store, and the popup's Today with 5,000 open reminders. */
export async function reminderBenches(page: Page, context: BrowserContext, extensionId: string, counts: { members: number; orders: number }) {
  // BENCH_REMINDERS=seed: only seeds a kept profile (BENCH_PROFILE), to copy before each run.
  if (process.env.BENCH_REMINDERS === 'seed') return backgroundSettled(page);
  const birthdays = await page.evaluate(() => regularsBench.addBirthdays());
  await backgroundSettled(page);
  // Swept at once: a sweep the background starts by itself on the new setting only adds to the figure.
  const worker = context.serviceWorkers()[0];
  const before = Date.now();
  const holiday = await page.evaluate((n) => regularsBench.addHoliday(n), Date.now());
  const sweep = await page.evaluate(() => regularsBench.sweeps(7));
  // What else the background ran from the new holiday's save to the first sweep's end (its own phases left out).
  const jobs = worker ? (await readJobs(worker, before)).jobs : [];
  const beside = worker ? lanesWithin(jobs, before, sweep.firstEndedAt, 'sweep.') : undefined;
  // Each job beside (from the holiday's save, ms): [lane, queued, started, ended].
  const besideJobs = jobs
    .filter((j) => !j.lane.startsWith('sweep.') && j.start < sweep.firstEndedAt && j.end - j.start >= 10)
    .map((j) => [j.lane, round(j.queuedAt - before), round(j.start - before), round(j.end - before)]);
  emit({
    bench: 'reminder-sweep',
    note: 'every rule over the store, in the background, through the protocol; the first sweep after a new holiday came into view (for every tier and segment) weighs every member',
    new_holiday: holiday,
    members: counts.members,
    orders: counts.orders,
    birthdays,
    first_ms: round(sweep.firstMs),
    first_created: sweep.first.created + sweep.first.suppressed,
    first_phases_ms: Object.fromEntries(Object.entries(sweep.first.phases ?? {}).map(([k, v]) => [k, Math.round(v)])),
    first_beside_ms: beside,
    first_beside_jobs: besideJobs,
    first_sweep_from_ms: round(sweep.firstStartedAt - before),
    repeat_median_ms: round(sweep.medianMs),
    repeat_phases_ms: Object.fromEntries(Object.entries(sweep.repeatPhases).map(([k, v]) => [k, Math.round(v)])),
    repeat_max_ms: round(sweep.maxMs),
    reminders_in_store: sweep.reminders,
    // Baselines in the same run: one raw IndexedDB getAll of every member, and of every order.
    raw_getall_members_ms: round(sweep.rawMembersMs),
    raw_getall_orders_ms: round(sweep.rawOrdersMs),
    target_ms: 1000,
  });
  // BENCH_REMINDERS=sweep: the sweep alone.
  if (process.env.BENCH_REMINDERS === 'sweep') return;
  await popupBenches(page, context, extensionId);
}

/** The popup's Today open, with no reminders and with 5,000 open ones, beside the floor page (BENCH_ONLY=popup runs it alone). */
export async function popupBenches(page: Page, context: BrowserContext, extensionId: string) {
  await page.evaluate(() => regularsBench.clearReminders());
  await backgroundSettled(page);
  const { times: empty } = await todayPaint(context, extensionId, 45);
  const open = await page.evaluate(([n]) => regularsBench.openReminders(n!, Date.now()), [5000]);
  const { times: full, answers, complete, runs, floorPaint, floorDocument } = await todayPaint(context, extensionId, 65, true);
  const fetch = await page.evaluate(() => regularsBench.todayFetch(20));
  const direct = await page.evaluate(() => regularsBench.todayDirect(20));
  emit({ bench: 'today-list-direct', note: 'the list computed on an extension page, no messaging', median_ms: round(direct.medianMs), p95_ms: round(direct.p95Ms) });
  emit({ bench: 'popup-today-open', open_reminders: open, list_message_median_ms: round(fetch.medianMs), list_message_p95_ms: round(fetch.p95Ms), samples: full.length, median_ms: round(pct(full, 0.5)), p95_ms: round(pct(full, 0.95)), max_ms: round(Math.max(...full)), baseline_no_reminders_p95_ms: round(pct(empty, 0.95)), answer_in_popup_median_ms: round(pct(answers, 0.5)), answer_in_popup_p95_ms: round(pct(answers, 0.95)), all_rows_rendered_median_ms: round(pct(complete, 0.5)), all_rows_rendered_p95_ms: round(pct(complete, 0.95)), target_p95_ms: 150 });
  emit({
    bench: 'popup-open-floor',
    note: 'an extension page with no script opened the same way, each after a popup open (its first contentful paint), beside the popup with 5,000 open reminders; steps: [median, p95] ms from navigation start',
    floor_paint_median_ms: round(pct(floorPaint, 0.5)),
    floor_paint_p95_ms: round(pct(floorPaint, 0.95)),
    floor_document_p95_ms: round(pct(floorDocument, 0.95)),
    popup_today_p95_ms: round(pct(full, 0.95)),
    popup_contentful_paint_p95_ms: round(pct(runs.map((r) => r.contentfulPaint), 0.95)),
    popup_steps_ms: stepFigures(runs),
  });
}
