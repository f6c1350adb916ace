import { expect, type Page } from '@playwright/test';

/**
 * Stops the background's service worker, as Chromium does after 30 s idle, through the DevTools
 * protocol of an extension page, and waits until it has been seen stopped at least once after the
 * stop: the page's own late messages (slow under load) may wake the worker again before a poll
 * could see it asleep.
 */
export async function stopBackground(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  const status = new Map<string, string>();
  let stopRequested = false;
  let seenStopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
    if (stopRequested && [...status.values()].every((s) => s === 'stopped')) seenStopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => [...status.values()].includes('running'), { message: 'the worker is seen running' }).toBe(true);
  stopRequested = true;
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => seenStopped, { message: 'the worker has stopped' }).toBe(true);
  await cdp.detach();
}
