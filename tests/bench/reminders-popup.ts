// The background's reminder sweep over the seeded store, and the popup's Today list.
import type { BrowserContext, Page } from '@playwright/test';
import { backgroundSettled, emit, pct, round } from './common';
import { FLOOR_OPENED, openOnce, openPopup, stepFigures, type PopupOpen } from './popup-open';
import { lanesWithin, readJobs } from './busy';

/**
 * Popup opened N times: navigation start → Today's first frame with data, and the steps on the way.
 * With `floor`, each open is followed by one of an extension page with no script, opened the same
 * way: the floor under the popup's figure, measured under the same load.
 */
async function todayPaint(context: BrowserContext, extensionId: string, loads = 40, floor = false) {
  const runs: PopupOpen[] = [];
  const floors: [number, number][] = [];
  for (let i = 0; i < loads; i++) {
    runs.push(await openPopup(context, extensionId, `chrome-extension://${extensionId}/popup.html?load=${i}`));
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
