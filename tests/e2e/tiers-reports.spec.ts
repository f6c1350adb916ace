// Options → Tiers and lapse, and the reports page, on the imported demo store.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectedStats } from '../../demo/seed';
import { DEFAULT_TIER_LADDER } from '../../lib/domain/tiers';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';
import { updateSettings } from '../support/settings';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const OUT = path.resolve('screenshots');

/** Puts the default ladder and lapse back: the worker's other tests read tiers from the same store. */
async function restoreDefaults(page: Page) {
  await page.evaluate(
    async (ladder) => {
      await chrome.runtime.sendMessage({ regulars: 1, name: 'tiers.apply', payload: { ladder } });
      await chrome.runtime.sendMessage({ regulars: 1, name: 'settings.update', payload: { lapseDays: 90, locale: 'en' } });
    },
    DEFAULT_TIER_LADDER,
  );
}

const tierCounts = (page: Page) => page.getByTestId('tier-count').allTextContents();

test.describe('tiers and lapse in the options page', () => {
  test.beforeEach(async ({ demoImported }) => {
    expect(demoImported).toMatch(/^Imported [\d,]+ orders: [\d,]+ new members?, [\d,]+ existing members? matched/);
  });

  test('lowering Silver’s threshold moves a one-time buyer up, and the chat panel shows the new tier', async ({ ext, page, demo }) => {
    const handle = demo.seed.known.oneTime;
    const spend = expectedStats(demo.seed, [handle]).spendMinor;
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('tier')).toHaveText('Regular');

    const options = await ext.context.newPage();
    try {
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      const section = options.getByTestId('tiers-section');
      await expect(section.getByTestId('tier-count').first()).not.toHaveText('…');
      const before = await tierCounts(options);

      // Silver from one dollar under this buyer's spend: they (and everyone like them) reach it.
      const silverSpend = section.getByLabel('Spend needed for Silver');
      await silverSpend.fill(String(Math.floor(spend / 100) - 1));
      // The counts follow the edit before anything is saved.
      await expect.poll(() => tierCounts(options)).not.toEqual(before);
      const regularAfter = Number((await tierCounts(options))[0]!.split(' ')[0]!.replace(/,/g, ''));
      expect(regularAfter).toBeLessThan(Number(before[0]!.split(' ')[0]!.replace(/,/g, '')));

      await section.getByTestId('tiers-apply').click();
      await expect(section.getByTestId('tiers-status')).toHaveText(/^Saved\. [\d,]+ members? re-ranked: [1-9]\d* moved up, \d+ moved down\.$/);

      await page.reload();
      const again = await panelFrame(page);
      await expect(again.getByTestId('tier')).toHaveText('Silver');

      // The upgrade is recorded for the tier-upgrade reminder.
      const upgrades = await options.evaluate(async () => {
        const { DATABASE_NAME } = { DATABASE_NAME: 'regulars' };
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(DATABASE_NAME);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        // A re-rank's moves are one record, as columns (lib/domain/tier-moves.ts).
        const rows = await new Promise<{ moves: { direction: string[]; to: string[] } }[]>((resolve) => {
          const req = db.transaction('tierChanges').objectStore('tierChanges').getAll();
          req.onsuccess = () => resolve(req.result);
        });
        db.close();
        return rows.flatMap((r) => r.moves.to.filter((to, i) => to === 'silver' && r.moves.direction[i] === 'up')).length;
      });
      expect(upgrades).toBeGreaterThan(0);

      // The reports page counts members by the new tiers (its snapshot went stale with the ladder).
      const silverMembers = (await tierCounts(options))[1]!.split(' ')[0]!;
      const reports = await ext.context.newPage();
      await reports.goto(`chrome-extension://${ext.extensionId}/reports.html`);
      await reports.waitForFunction(() => document.body.dataset.ready === 'true');
      await expect(reports.getByTestId('tier-bars').locator('li').nth(1)).toContainText(`Silver${silverMembers} `);
      await reports.close();
    } finally {
      await restoreDefaults(options);
      await options.close();
    }
  });

  test('suggests thresholds and a lapse threshold from the demo shop, and a falling ladder cannot be saved', async ({ ext }) => {
    const options = await ext.context.newPage();
    try {
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      const section = options.getByTestId('tiers-section');
      await expect(section.getByTestId('tier-count').first()).not.toHaveText('…');
      await section.getByTestId('tiers-suggest').click();
      await expect(section.getByTestId('tiers-status')).toContainText(/Suggested from \d+ buyers/);
      const silver = Number(await section.getByLabel('Spend needed for Silver').inputValue());
      const gold = Number(await section.getByLabel('Spend needed for Gold').inputValue());
      const diamond = Number(await section.getByLabel('Spend needed for Diamond').inputValue());
      expect(silver).toBeGreaterThan(0);
      expect(gold).toBeGreaterThan(silver);
      expect(diamond).toBeGreaterThan(gold);
      // Every step has somebody on it.
      for (const text of await tierCounts(options)) expect(Number(text.split(' ')[0])).toBeGreaterThan(0);

      // The lapse figure, its reasons and its histogram.
      await expect(section.getByTestId('lapse-suggestion')).toHaveText(/^\d+ days$/);
      await expect(section.getByTestId('lapse')).toContainText(/% of repeat purchases come within \d+ days/);
      expect(await section.getByTestId('lapse-histogram').locator('rect').count()).toBeGreaterThan(3);
      const suggested = Number((await section.getByTestId('lapse-suggestion').textContent())!.split(' ')[0]);
      await section.getByTestId('lapse-accept').click();
      await expect(section.getByTestId('lapse')).toContainText(`Now: lapsed after ${suggested} days without an order.`);

      // A step that needs less than the one below is refused, with the reason next to it.
      await section.getByLabel('Spend needed for Diamond').fill('1');
      await expect(section.getByRole('alert')).toHaveText('A higher step cannot need less than the step below it.');
      await expect(section.getByTestId('tiers-apply')).toBeDisabled();
    } finally {
      await restoreDefaults(options);
      await options.close();
    }
  });
});

test('a setting the background does not save: the page says so where the user is, shows no "Saved", and the setting is as it was', async ({ ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const options = await ext.context.newPage();
  try {
    // The background answers every settings.update with a failure (a full disk, say).
    await options.addInitScript(() => {
      const runtime = chrome.runtime as { sendMessage(message: unknown): Promise<unknown> };
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message) =>
        (message as { name?: string }).name === 'settings.update' ? Promise.resolve({ ok: false, error: { code: 'internal', message: 'QuotaExceededError' } }) : send(message);
    });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html#tiers`);
    const points = options.getByTestId('points-settings');
    const enabled = await points.getByTestId('points-enabled').isChecked();
    await points.getByTestId('points-enabled').setChecked(!enabled);
    await points.getByTestId('points-save').click();
    const failed = options.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(failed).toHaveText('Not saved, the setting is as it was: Something went wrong inside Regulars. Try again; the details are in the browser console.Close');
    await expect(failed).toBeInViewport();
    await expect(points.getByRole('status')).toHaveCount(0);
    // As it was, read by a page that asks the background itself.
    const other = await ext.context.newPage();
    await other.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
    expect(await other.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'settings.get', payload: {} }))).toMatchObject({ ok: true, data: { points: { enabled } } });
    await other.close();
    await failed.getByRole('button', { name: 'Close' }).click();
    await expect(failed).toHaveCount(0);
  } finally {
    await options.close();
  }
});

test.describe('the reports page', () => {
  test('draws every chart from the demo store and downloads each chart’s numbers as CSV', async ({ ext, demoImported, demo }) => {
    expect(demoImported).toBeTruthy();
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`chrome-extension://${ext.extensionId}/reports.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');

    // Canvas charts: each has drawn a fair share of non-background pixels, and a legend naming its series.
    for (const [id, legend] of [
      ['canvas-revenue', ['New members', 'Returning members']],
      ['canvas-repeat', ['Repeat-purchase rate']],
      ['canvas-intervals', ['Within 90 days', 'After 90 days']],
      ['canvas-lapse', ['Not ordered again yet']],
    ] as const) {
      const chart = page.getByTestId(id);
      const inked = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n / (canvas.width * canvas.height);
      });
      expect(inked, `${id} has drawn`).toBeGreaterThan(0.02);
      for (const name of legend) await expect(chart.locator('.u-legend')).toContainText(name);
    }

    // Members by tier add up to the members; the demo's best buyer tops the list.
    const members = Number((await page.locator('.kpi-value').first().textContent())!.replace(/,/g, ''));
    expect(members).toBeGreaterThan(demo.seed.buyers.length / 2);
    const tierTotal = (await page.getByTestId('tier-bars').locator('.bar-value').allTextContents()).reduce((a, t) => a + Number(t.split(' ')[0]!.replace(/,/g, '')), 0);
    expect(tierTotal).toBe(members);
    await expect(page.getByTestId('segment-bars').locator('li')).not.toHaveCount(0);
    await expect(page.getByTestId('top-members').locator('tbody tr')).toHaveCount(20);

    // CSV of the revenue chart: BOM, a header, one line per month.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-revenue').getByTestId('csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^regulars-report-revenue-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Month,New-member orders,New-member revenue (USD),Returning-member orders,Returning-member revenue (USD)');
    expect(lines).toHaveLength(25);
    expect(lines.slice(1).some((l) => /,[1-9]\d*,\d+\.\d{2},[1-9]\d*,\d+\.\d{2}$/.test(l))).toBe(true);

    const [curve] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-lapse').getByTestId('csv').click()]);
    const curveLines = readFileSync((await curve.path())!, 'utf8').slice(1).trim().split('\r\n');
    expect(curveLines[0]).toBe('Days after an order,Not ordered again yet (%)');
    expect(curveLines[1]).toBe('0,100.0');

    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'reports-en-test.png'), fullPage: true });

    // The tier card's "Change the ladder" opens the settings at the ladder.
    await page.getByTestId('chart-tiers').getByRole('link', { name: 'Change the ladder', exact: true }).click();
    await expect(page).toHaveURL(/\/options\.html#tiers$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Tiers and lapse', exact: true })).toBeInViewport();
    await page.close();
  });
});

for (const locale of ['en', 'zh-CN'] as const) {
  test(`tier suggestions and reports ${locale} @screenshots`, async ({ ext, demoImported }) => {
    expect(demoImported).toBeTruthy();
    mkdirSync(OUT, { recursive: true });
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(options, { locale });
    await options.reload();
    const section = options.getByTestId('tiers-section');
    await expect(section.getByTestId('tier-count').first()).not.toHaveText('…');
    await expect(section.getByTestId('lapse-histogram')).toBeVisible();
    // The section as saved is in crm-shots (with benefits, gifts and points, in three languages); here, the suggestion.
    await section.getByTestId('tiers-suggest').click();
    await section.screenshot({ path: path.join(OUT, `tiers-suggested-${locale}.png`) });

    const reports = await ext.context.newPage();
    await reports.setViewportSize({ width: 1280, height: 1000 });
    await reports.goto(`chrome-extension://${ext.extensionId}/reports.html`);
    await reports.waitForFunction(() => document.body.dataset.ready === 'true');
    await reports.screenshot({ path: path.join(OUT, `reports-${locale}.png`), fullPage: true });
    await reports.emulateMedia({ colorScheme: 'dark' });
    await reports.reload();
    await reports.waitForFunction(() => document.body.dataset.ready === 'true');
    await reports.screenshot({ path: path.join(OUT, `reports-${locale}-dark.png`), fullPage: true });
    await restoreDefaults(options);
    await reports.close();
    await options.close();
  });
}
