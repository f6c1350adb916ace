import { expect, test } from '../support/fixtures';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

test('the first run asks the shop currency, time zone, name and language before anything else, prefilled from the browser', async ({ firstRunExt: ext }) => {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByRole('status').filter({ hasText: 'currency and time zone' })).toBeVisible();
  await popup.close();

  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Set up Regulars' })).toBeVisible();
  // Nothing else of the settings until the shop is set up: no import, so nothing defaults.
  await expect(page.getByLabel('Import order export', { exact: true })).toHaveCount(0);
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByLabel("Your shop's currency")).toHaveValue('USD'); // the browser runs en-US
  await expect(page.getByLabel("Your shop's time zone")).toHaveValue(zone);

  await page.getByLabel("Your shop's currency").selectOption('EUR');
  await page.getByLabel("Your shop's time zone").selectOption('Europe/Berlin');
  await page.getByLabel('Your name').fill('Mia');
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('button', { name: 'Start using Regulars' }).click();

  await expect(page.locator('input[type=file]').first()).toBeAttached();
  const settings = (await page.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'settings.get', payload: {} }))) as {
    ok: boolean;
    data: { shopCurrency: string; timeZone: string; authorName: string; locale: string; setupAt: number | null };
  };
  expect(settings.data).toMatchObject({ shopCurrency: 'EUR', timeZone: 'Europe/Berlin', authorName: 'Mia', locale: 'zh-CN' });
  expect(settings.data.setupAt).toEqual(expect.any(Number));
  // Afterwards the same questions are where they are changed, in the chosen language.
  await expect(page.getByRole('heading', { name: '你的店铺' })).toBeVisible();
});
