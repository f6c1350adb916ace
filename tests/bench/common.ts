// What every part of `npm run bench` shares: the bench build's folder, how a figure is printed,
// and the functions the bench page (entrypoints/bench) puts on window.regularsBench.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import type { RegularsBench } from '../../entrypoints/bench/main';

declare global {
  /** The bench page's functions (entrypoints/bench), called inside page.evaluate. */
  var regularsBench: RegularsBench;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** BENCH_EXTENSION_DIR: another bench build (REGULARS_OUT_DIR) on the same kept profile, to compare two builds. */
export const BENCH_DIR = process.env.BENCH_EXTENSION_DIR ?? path.join(ROOT, '.output-bench', 'chrome-mv3');
export const round = (n: number) => Math.round(n * 100) / 100;
export const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};
/** The middle of the samples; of an even count, the lower of the two middle ones (a measured value, not a mean). */
export const lowerMedian = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
export const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

/**
 * Waits until the background has nothing of its own left to do after the store changed: the
 * reports' snapshot recomputed (reports.refresh answers once it is), and the member facts rebuilt
 * after their pause (member-snapshot.ts keepMemberFactsFresh). Figures taken while it computes
 * measure the two processes sharing a 2-core machine, not the page.
 */
export async function backgroundSettled(page: Page) {
  await page.waitForTimeout(11_000);
  await page.evaluate(() => regularsBench.reportsSettled());
}

/**
 * The extension's bench page, its store seeded through the protocol unless it already holds
 * `members` (BENCH_PROFILE=DIR kept a seeded one from an earlier run).
 */
export async function seededBenchPage(context: BrowserContext, extensionId: string, members: number, orders: number) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  let counts = await page.evaluate(() => regularsBench.storeCounts());
  if (counts.members < members) {
    await page.evaluate(([m, o, n]) => regularsBench.generate(m!, o!, n!), [members, orders, Date.now()]);
    const seeded = await page.evaluate(() => regularsBench.seedThroughProtocol());
    counts = seeded.counts ?? (await page.evaluate(() => regularsBench.storeCounts()));
    emit({ bench: 'seed-through-protocol', extension: extensionId, members: counts.members, orders: counts.orders, ms: round(seeded.ms) });
  }
  return { page, counts };
}
