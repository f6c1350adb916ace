// BENCH_POPUP_ASLEEP=N (with BENCH_ONLY=popup and BENCH_POPUP_AB_DIR): the popup opened N times per
// build with the background's service worker stopped first, as Chromium stops it after 30 s idle: the
// open that wakes it, which then reads the list from the store (nothing of it held in memory yet).
// Both builds' workers are stopped before each open, and the builds take turns.
import type { BrowserContext } from '@playwright/test';
import { emit, pct, round } from './common';
import { openPopup, type PopupOpen } from './popup-open';

/** Stops every service worker of the profile from a page of `extensionId` that runs none of our code, and waits until all are seen stopped. */
async function stopWorkers(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    const cdp = await context.newCDPSession(page);
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) status.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 20_000;
    while (status.size === 0 || [...status.values()].some((s) => s !== 'stopped')) {
      if (Date.now() > deadline) throw new Error(`The workers did not stop: ${JSON.stringify([...status])}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await cdp.detach();
  } finally {
    await page.close();
  }
  // The stopped worker's process settles, as it has long since when a user opens the popup.
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

export async function popupAsleepBench(context: BrowserContext, ids: string[], dirs: string[], opens: number) {
  const runs: PopupOpen[][] = ids.map(() => []);
  for (let i = 0; i < opens; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      await stopWorkers(context, ids[k]!);
      runs[k]!.push(await openPopup(context, ids[k]!, `chrome-extension://${ids[k]}/popup.html?asleep=${i}`));
    }
  }
  runs.forEach((all, k) => {
    const paint = all.map((r) => r.paint);
    emit({
      bench: 'popup-today-open-asleep-ab',
      note: "the background's service worker stopped before each open: navigation start to Today's first frame; answer: from asking for Today to its answer in the popup",
      build: k === 0 ? 'this' : 'other',
      dir: dirs[k],
      samples: all.length,
      median_ms: round(pct(paint, 0.5)),
      p95_ms: round(pct(paint, 0.95)),
      max_ms: round(Math.max(...paint)),
      answer_median_ms: round(pct(all.map((r) => r.answer), 0.5)),
      answer_max_ms: round(Math.max(...all.map((r) => r.answer))),
      complete_median_ms: round(pct(all.map((r) => r.complete), 0.5)),
      // The request's trip: to the woken worker (its start), in it (the list read afresh), back.
      to_worker_median_ms: round(pct(all.map((r) => r.toWorker), 0.5)),
      in_worker_median_ms: round(pct(all.map((r) => r.inWorker), 0.5)),
      back_median_ms: round(pct(all.map((r) => r.back), 0.5)),
      each_ms: paint.map(round),
    });
  });
}
