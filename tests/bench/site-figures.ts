// The content script on a marketplace page (the bench site, pages.ts): the panel painted per
// buyer, and what Regulars costs a page where no buyer is shown.
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { benchHandle } from './generate';

async function panelFrameOf(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The panel frame never appeared on the bench chat page');
}

/** Detection → panel painted with data, per buyer, at the seeded store's size. */
export async function panelPaint(context: BrowserContext, site: string, members: number) {
  const page = await context.newPage();
  await page.goto(`${site}/chat`);
  const frame = await panelFrameOf(page);
  const count = () => frame.evaluate(() => (globalThis as { regularsPaintTimings?: number[] }).regularsPaintTimings?.length ?? 0);
  for (let i = 0; i < 230; i++) {
    const before = await count();
    await page.evaluate((h) => (window as unknown as { showBuyer(h: string): void }).showBuyer(h), benchHandle((i * 104729) % members));
    for (let w = 0; w < 400 && (await count()) === before; w++) await page.waitForTimeout(5);
  }
  const timings = await frame.evaluate(() => (globalThis as { regularsPaintTimings?: number[] }).regularsPaintTimings ?? []);
  await page.close();
  return timings.slice(30); // the first ones wake the worker and warm caches
}

/** Main-thread time of Regulars on a page where no buyer is shown. */
export async function contentScriptCost(context: BrowserContext, site: string) {
  const page = await context.newPage();
  const checks: number[] = [];
  for (let i = 0; i < 15; i++) {
    await page.goto(`${site}/orders?load=${i}`);
    await page.waitForTimeout(150);
    for (let n = 0; n < 5; n++) {
      await page.evaluate((k) => (window as unknown as { goPlain(n: number): void }).goPlain(k), n);
      await page.waitForTimeout(120);
    }
    checks.push(...(await page.evaluate(() => performance.getEntriesByName('regulars:check').map((e) => e.duration))));
  }
  await page.close();
  return checks;
}

/** Script time per page load, from Chromium's own metrics: with our content script and without. */
export async function scriptTimePerLoad(context: BrowserContext, site: string, loads = 20) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const per: number[] = [];
  for (let i = 0; i < loads; i++) {
    const before = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
    await page.goto(`${site}/orders?cost=${i}`);
    await page.waitForTimeout(200);
    const after = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
    per.push((after - before) * 1000);
  }
  await page.close();
  return per;
}
