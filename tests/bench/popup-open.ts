// One open of an extension page, as a popup opens: what the popup benches read, and how.
import type { BrowserContext } from '@playwright/test';
import { pct, round } from './common';

/**
 * A page opened in a new tab: navigation start → what `expression` reads, polled until it is
 * defined. The page is read over CDP (Runtime.evaluate), not with Playwright's waitForFunction:
 * that one injects Playwright's 330 KB script into each new page, and a trace showed it evaluating
 * for 7.5 ms on the popup's main thread inside the very interval measured, which no user's popup
 * has. Each open is a new page, as a popup is a new view each time it opens: navigating one tab
 * from popup to popup made every open also tear down the previous popup's list (3,500 nodes).
 */
export async function openOnce<T>(context: BrowserContext, url: string, expression: string): Promise<T> {
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
  // The popup's first frame drawn with plain DOM (entrypoints/popup/early.ts), before React has loaded.
  drawn: mark('first-frame-drawn'),
  answered: mark('today-answered'),
  paint: 'globalThis.regularsTodayPaint',
  contentfulPaint: FIRST_CONTENTFUL_PAINT,
};
/** The Today request's trip, split where the worker got it and answered it (bench build: entrypoints/background/bench-phases.ts). */
const TRIP = ['toWorker', 'inWorker', 'back'] as const;
export type PopupOpen = Record<keyof typeof POPUP_STEPS | (typeof TRIP)[number] | 'answer' | 'complete', number>;
export const POPUP_OPENED = `globalThis.regularsTodayPaint === undefined || ${mark('today-complete')} === undefined || ${FIRST_CONTENTFUL_PAINT} === undefined ? undefined : ({ ${Object.entries(
  POPUP_STEPS,
)
  .map(([k, v]) => `${k}: ${v}`)
  .join(', ')}, answer: ${mark('today-answered')} - ${mark('today-asked')}, complete: ${mark('today-complete')}, origin: performance.timeOrigin })`;

/** The popup opened once (POPUP_OPENED), its Today request's trip split at the worker. */
export async function openPopup(context: BrowserContext, extensionId: string, url: string): Promise<PopupOpen> {
  const { origin, ...open } = await openOnce<PopupOpen & { origin: number }>(context, url, POPUP_OPENED);
  const worker = context.serviceWorkers().find((w) => new URL(w.url()).host === extensionId);
  type Times = { name: string; arrived: number; answered: number }[];
  type Kept = { regularsMessageTimes?: { read(url: string): Times } };
  const times = worker ? await worker.evaluate((u) => (globalThis as Kept).regularsMessageTimes?.read(u) ?? [], url) : [];
  const today = times.find((m) => m.name === 'reminders.today');
  if (!today) return { ...open, toWorker: NaN, inWorker: NaN, back: NaN };
  const asked = origin + open.scripts;
  return { ...open, toWorker: today.arrived - asked, inWorker: today.answered - today.arrived, back: origin + open.answered - today.answered };
}
/** The floor's page (the popup's page without its script, bench build only: wxt.config.ts): no script; its first contentful paint and when its document arrived. */
export const FLOOR_OPENED = `${FIRST_CONTENTFUL_PAINT} === undefined ? undefined : [${FIRST_CONTENTFUL_PAINT}, ${DOCUMENT}]`;

/** Median and p95 of each step of the popup's opens. */
export const stepFigures = (runs: readonly PopupOpen[]) =>
  Object.fromEntries(
    [...Object.keys(POPUP_STEPS), ...TRIP].map((k) => {
      const times = runs.map((r) => r[k as keyof PopupOpen]);
      return [k, [round(pct(times, 0.5)), round(pct(times, 0.95))]];
    }),
  );
