// The floor beside the import memory probe's figure (PROBE_RAW_FLOOR=1): the same profile opened
// again once the import is done, and every record the store then holds copied a batch at a time with
// raw IndexedDB (entrypoints/bench/raw-floor.ts), sampling the whole browser's PSS as the probe does.
// What it gains above its own idle is what IndexedDB costs to write those records, with no import
// code at all: a store import can't be expected to peak below it.
import { launchWithExtension } from '../support/extension';
import { round } from './common';
import { chromiumTreePssByProcess } from './rss';

const total = (userDataDir: string) => Object.values(chromiumTreePssByProcess(userDataDir)).reduce((a, b) => a + b, 0);

export async function rawFloor(extensionDir: string, userDataDir: string, settleS = 30) {
  const ext = await launchWithExtension({ extensionDir, userDataDir });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    // The background wakes with a full store (its keepers load, the sweep runs): let it settle, and
    // take the lowest reading of the last seconds as idle.
    await page.waitForTimeout(settleS * 1000);
    let idle = Infinity;
    for (let i = 0; i < 10; i++) {
      idle = Math.min(idle, total(userDataDir));
      await page.waitForTimeout(500);
    }
    let peak = 0;
    let peakAt = 0;
    let sampling = true;
    const t0 = Date.now();
    const sampler = (async () => {
      while (sampling) {
        const now = total(userDataDir);
        if (now > peak) [peak, peakAt] = [now, Date.now() - t0];
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const copy = await page.evaluate(() => regularsBench.rawCopyOfStore());
    sampling = false;
    await sampler;
    await page.evaluate(() => regularsBench.dropRawCopy());
    return {
      probe: 'raw-idb-copy-memory',
      records: copy.counts,
      ms: round(copy.ms),
      peak_at_s: round(peakAt / 1000),
      idle_mb: round(idle / 1e6),
      above_idle_mb: round((peak - idle) / 1e6),
    };
  } finally {
    await ext.close();
  }
}
