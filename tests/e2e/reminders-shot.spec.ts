// Pictures of the popup's Today tab for a person to check (npm run screenshots).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

test('popup Today tab in English and Chinese @screenshots', async ({ ext, demoImported }) => {
  expect(demoImported).toMatch(/^Imported/);
  const out = path.resolve('screenshots');
  mkdirSync(out, { recursive: true });
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'reminders.sweep', payload: {} }));
  for (const locale of ['en', 'zh-CN']) {
    await updateSettings(page, { locale });
    await page.reload();
    await page.locator('li.row').first().waitFor();
    await page.locator('li.row').first().getByRole('button').nth(3).click(); // open one row's snooze menu
    await page.screenshot({ path: path.join(out, `popup-today-${locale}.png`), fullPage: false });
  }
  await updateSettings(page, { locale: 'auto' });
});
