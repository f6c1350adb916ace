// Traditional Chinese end to end: the panel, popup, options, members and reports pages in zh-TW
// show no sentence of the English catalogue. `npm run screenshots` also saves each screen to
// screenshots/zh-TW-*.png for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';
import { ENGLISH } from '../support/english';
import { walkScreens } from '../support/walk-screens';

const OUT = path.resolve('screenshots');

test('in Traditional Chinese, no screen shows a sentence of the English catalogue', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  expect(ENGLISH.length).toBeGreaterThan(100);
  try {
    const { found } = await walkScreens('zh-TW', page, ext.extensionId, demo, async () => undefined);
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
    await walkScreens('zh-TW', page, ext.extensionId, demo, (target, name) => target.screenshot({ path: path.join(OUT, `zh-TW-${name}.png`) }).then(() => undefined));
  } finally {
    await updateSettings(await goOptions(page, ext.extensionId), { locale: 'en' });
  }
});
