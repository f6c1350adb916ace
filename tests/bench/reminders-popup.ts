// The background's reminder sweep over the seeded store, and the popup's Today list.
import type { BrowserContext, Page } from '@playwright/test';
import { backgroundSettled, emit, pct, round } from './common';

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
export async function reminderBenches(page: Page, context: BrowserContext, extensionId: string, counts: { members: number; orders: number }) {
  const birthdays = await page.evaluate(() => regularsBench.addBirthdays());
  await backgroundSettled(page);
  // Swept at once: a sweep the background starts by itself on the new setting only adds to the figure.
  const holiday = await page.evaluate((n) => regularsBench.addHoliday(n), Date.now());
  const sweep = await page.evaluate(() => regularsBench.sweeps(7));
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
