import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';

/**
 * Stops the background's service worker, as Chromium does after 30 s idle, through the DevTools
 * protocol of an extension page, and waits until it has been seen stopped at least once after the
 * stop: the page's own late messages (slow under load) may wake the worker again before a poll
 * could see it asleep.
 */
export async function stopBackground(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  const status = new Map<string, string>();
  const running = whenSeen('the worker is seen running');
  let stopped: ReturnType<typeof whenSeen> | undefined;
  // Told by the events themselves, not polled: the poll's pauses added a quarter of a second to every stop.
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
    if ([...status.values()].includes('running')) running.resolve();
    if (stopped && [...status.values()].every((s) => s === 'stopped')) stopped.resolve();
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await running.promise;
    stopped = whenSeen('the worker has stopped');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped.promise;
  } finally {
    running.cancel();
    stopped?.cancel();
    await cdp.detach().catch(() => undefined);
  }
}

/** A promise resolved by an event, or rejected with `what` after the expect timeout (10 s). */
function whenSeen(what: string, timeoutMs = 10_000): { promise: Promise<void>; resolve(): void; cancel(): void } {
  let resolve!: () => void;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    timer = setTimeout(() => fail(new Error(`Timed out after ${timeoutMs / 1000} s waiting until ${what}.`)), timeoutMs);
  });
  promise.catch(() => undefined);
  const cancel = () => clearTimeout(timer);
  return { promise, resolve: () => (cancel(), resolve()), cancel };
}

/**
 * Stops the background's service worker and starts it again, as a browser restart does (its memory
 * gone, the store kept): stopped from a page that runs none of our scripts, then woken by the
 * options page. Returns the worker once the new one runs (Playwright may keep the same handle).
 */
export async function restartBackground(context: BrowserContext, extensionId: string, before: Worker): Promise<Worker> {
  type Marked = { regularsBeforeRestart?: boolean };
  await before.evaluate(() => ((globalThis as Marked).regularsBeforeRestart = true));
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    await stopBackground(page);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    let woken: Worker | undefined;
    const isNew = (worker: Worker) => worker.evaluate(() => !(globalThis as Marked).regularsBeforeRestart).catch(() => false);
    await expect
      .poll(
        async () => {
          for (const worker of context.serviceWorkers()) if (await isNew(worker)) woken = worker;
          return woken !== undefined;
        },
        { message: 'a new worker runs', timeout: 60_000 },
      )
      .toBe(true);
    return woken!;
  } finally {
    await page.close();
  }
}
