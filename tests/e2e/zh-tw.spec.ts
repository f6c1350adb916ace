// Traditional Chinese end to end: the panel, popup, options, members and reports pages in zh-TW
// show no sentence of the English catalogue. `npm run screenshots` also saves each screen to
// screenshots/zh-TW-*.png for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';
import { updateSettings } from '../support/settings';
import { ENGLISH, englishOn } from '../support/english';

const OUT = path.resolve('screenshots');

async function walk(page: Page, extensionId: string, demo: { url: string; seed: { known: { champion: string }; conversations: { id: string; handle: string }[] } }, shot: (target: Page, name: string) => Promise<void>) {
  const base = `chrome-extension://${extensionId}`;
  const found: Record<string, string[]> = {};

  await page.goto(`${base}/options.html`);
  await updateSettings(page, { locale: 'zh-TW' });
  await page.reload();
  await expect(page.locator('h1')).toHaveText('熟客設定');
  found.options = await englishOn(page);
  await shot(page, 'options');
  await page.locator('section[aria-labelledby="backup-h"]').scrollIntoViewIfNeeded();
  await shot(page, 'options-backup');

  await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('member-card')).toBeVisible();
  await page.waitForTimeout(300);
  found.panel = await englishOn(panel);
  await shot(page, 'panel');

  await page.goto(`${base}/popup.html`);
  await expect(page.getByRole('tab').first()).toBeVisible();
  await page.waitForTimeout(300);
  found.popup = await englishOn(page);
  await shot(page, 'popup-today');

  await page.goto(`${base}/members.html#/members`);
  await expect(page.locator('.mt-row').first()).toBeVisible();
  found.members = await englishOn(page);
  await shot(page, 'members');

  await page.goto(`${base}/reports.html`);
  await expect(page.locator('canvas, svg').first()).toBeVisible();
  await page.waitForTimeout(500);
  found.reports = await englishOn(page);
  await shot(page, 'reports');
  return found;
}

test('in Traditional Chinese, no screen shows a sentence of the English catalogue', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  expect(ENGLISH.length).toBeGreaterThan(100);
  try {
    const found = await walk(page, ext.extensionId, demo, async () => undefined);
    expect(found).toEqual({ options: [], panel: [], popup: [], members: [], reports: [] });
  } finally {
    await updateSettings(page.url().startsWith('chrome-extension:') ? page : await goOptions(page, ext.extensionId), { locale: 'en' });
  }
});

async function goOptions(page: Page, extensionId: string): Promise<Page> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

test('Traditional Chinese screens @screenshots', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  mkdirSync(OUT, { recursive: true });
  await page.setViewportSize({ width: 1400, height: 900 });
  try {
    await walk(page, ext.extensionId, demo, (target, name) => target.screenshot({ path: path.join(OUT, `zh-TW-${name}.png`) }).then(() => undefined));
  } finally {
    await updateSettings(await goOptions(page, ext.extensionId), { locale: 'en' });
  }
});
