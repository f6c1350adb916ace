// The reports page opened over the seeded store, and every member re-ranked by a tier ladder.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEFAULT_TIER_LADDER } from '../../lib/domain/tiers';
import type { TierLadder } from '../../lib/domain/types';
import type { LaneJob } from '../../lib/background/lane';
import { busySummary, jobsUntilQuiet, ranWithin } from './busy';
import { emit, pct, round } from './common';

const roundAll = (phases: Record<string, number> | undefined) => Object.fromEntries(Object.entries(phases ?? {}).map(([k, v]) => [k, Math.round(v)]));

/**
 * The reports page, opened as a person does: navigation → every chart drawn (body[data-ready],
 * performance mark 'regulars:reports-ready'), several loads, against a raw IndexedDB read of the
 * same members and orders in the same run. Then the tier ladder applied to every member.
 * `seeded`: when the seed ended (epoch ms) and the service worker, to tell how long the background
 * stays busy after it and where the first load's time went.
 */
export async function reportsBench(context: BrowserContext, extensionId: string, bench: Page, seeded?: { endedAt: number; worker: Worker }) {
  const loads: number[] = [];
  let firstRefreshed = false;
  let first: { origin: number; asked: number; read: number; answered: number; ready: number } | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/reports.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
    // The page's own read of the stored snapshot may end after the answer is drawn: it says whether it was stale.
    await page.waitForFunction(() => document.body.dataset.read === 'true');
    const { ready, refreshed, charts, origin, asked, read, answered } = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      asked: performance.getEntriesByName('regulars:reports-asked')[0]?.startTime ?? NaN,
      read: performance.getEntriesByName('regulars:reports-read')[0]?.startTime ?? NaN,
      answered: performance.getEntriesByName('regulars:reports-answered')[0]?.startTime ?? NaN,
      ready: performance.getEntriesByName('regulars:reports-ready')[0]?.startTime ?? NaN,
      refreshed: document.body.dataset.refreshed === 'true',
      charts: document.querySelectorAll('.chart canvas').length,
    }));
    if (charts < 4) throw new Error(`The reports page drew ${charts} charts, not 4`);
    if (i > 0 && refreshed) throw new Error('A warm load of the reports page found its snapshot stale');
    if (i === 0) firstRefreshed = refreshed;
    if (i === 0) first = { origin, asked, read, answered, ready };
    loads.push(ready);
    await page.close();
  }
  const warm = loads.slice(1); // the first load may find the snapshot stale and wait for it
  // Where the first load's time went: the page up and the snapshot read, then (when it was stale) the
  // background's answer: waiting (for its lanes, a computation under way) or computing; then
  // drawing. And how long the background stayed busy after the seed, on what.
  const jobs = seeded ? await jobsUntilQuiet(seeded.worker, seeded.endedAt) : [];
  const split = seeded && first ? firstLoadSplit(jobs, first, firstRefreshed) : undefined;
  const busy = seeded ? busySummary(jobs, seeded.endedAt) : undefined;
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
    // The user's figure: the seed's end to every chart drawn (the first load opens as soon as the store is counted).
    ...(seeded && first
      ? {
          first_ready_after_seed_ms: round(first.origin + first.ready - seeded.endedAt),
          first_load_after_seed_ms: round(first.origin - seeded.endedAt),
          first_load_split_ms: split,
        }
      : {}),
    ...(busy ? { background_busy_after_seed_ms: busy.busy_ms, busy_lanes: busy.lanes } : {}),
    target_ms: 1500,
    // Baseline: reading every member and order with raw IndexedDB getAll, nothing computed or drawn.
    raw_getall_members_orders_ms: round(raw.ms),
    // A stale snapshot (new day, new orders, other settings): the background reads and computes it all.
    snapshot_recompute_ms: round(recompute.ms),
    snapshot_recompute_round_trip_ms: round(recompute.roundTripMs),
  });

  const rerank = await tierBench(bench);
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
    members: rerank.members,
    counts_shown_after_open_ms: round(countsAt),
    counts_after_edit_ms_incl_playwright: editMs,
  });
}

/**
 * The first load's time, split: the page's own snapshot read, the background's answer (asked by the
 * page's first script: waiting vs computing), drawing (from the figures drawn).
 */
function firstLoadSplit(jobs: readonly LaneJob[], load: { origin: number; asked: number; read: number; answered: number; ready: number }, stale: boolean) {
  const asked = load.origin + (Number.isNaN(load.asked) ? load.read : load.asked);
  const answered = Number.isNaN(load.answered) ? asked : load.origin + load.answered;
  const computing = ranWithin(jobs, 'report', asked, answered) - ranWithin(jobs, 'report.gather', asked, answered);
  return {
    page_and_read: round(load.read),
    asked_at: round(asked - load.origin),
    answer: round(answered - asked),
    answer_computing: computing,
    answer_gathering: ranWithin(jobs, 'report.gather', asked, answered),
    // Inside the computation: the RFM cut points (after orders changed), the figures, the names and the store.
    answer_rfm: ranWithin(jobs, 'report.rfm', asked, answered),
    answer_figures: ranWithin(jobs, 'report.figures', asked, answered),
    answer_storing: ranWithin(jobs, 'report.store', asked, answered),
    // From the figures that were drawn: the answer, or the page's own read when it came first and was current.
    draw: round(load.ready - (stale || Number.isNaN(load.answered) ? answered - load.origin : Math.min(load.read, answered - load.origin))),
  };
}

/** Every member re-ranked: a ladder whose Silver is easier (many move up), the default back, a rolling 12 months, the default again. */
export async function tierBench(bench: Page) {
  // Re-ranking every member: a ladder whose Silver is easier (many move up), then the default back.
  const easier: TierLadder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'silver' ? { ...s, minSpendMinor: 5_000 } : s)) };
  const up = await bench.evaluate((l) => regularsBench.applyLadder(l), easier);
  const back = await bench.evaluate((l) => regularsBench.applyLadder(l), DEFAULT_TIER_LADDER);
  const yearly = await bench.evaluate((l) => regularsBench.applyLadder(l), { ...DEFAULT_TIER_LADDER, window: { days: 365 } } as TierLadder);
  const yearlyBack = await bench.evaluate((l) => regularsBench.applyLadder(l), DEFAULT_TIER_LADDER);
  const rawRewrite = await bench.evaluate(() => regularsBench.rawMembersRewrite());
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
    lifetime_after_rolling_ms: round(yearlyBack.ms),
    phases_ms: Object.fromEntries([['easier', up], ['back', back], ['rolling', yearly], ['lifetime', yearlyBack]].map(([k, r]) => [k, roundAll((r as typeof up).phases)])),
    // Baseline in the same run: raw IndexedDB getAll of every member and all put back, one transaction.
    raw_members_read_and_put_ms: round(rawRewrite.ms),
    target_ms: 3000,
  });
  return up;
}
