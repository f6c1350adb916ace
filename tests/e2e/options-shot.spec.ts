// Pictures of the options page for a person to check (npm run screenshots).
import path from 'node:path';
import { downloadDemoExport } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { CATALOGUES } from '../../lib/i18n';
import { optionsPageIn } from '../support/settings';

for (const [locale, counts] of [['en', 'orders from'], ['zh-CN', '笔订单']] as const) {
  test(`options page with an import preview ${locale} @screenshots`, async ({ ext, demo }) => {
    const { page, out } = await optionsPageIn(ext, locale, { width: 1200, height: 1400 });
    await page.getByLabel(CATALOGUES[locale]['options.import.label'], { exact: true }).setInputFiles(await downloadDemoExport(demo.url, path.join(out, 'tmp')));
    await expect(page.getByTestId('import-preview')).toContainText(counts);
    await page.screenshot({ path: path.join(out, `options-${locale}.png`), fullPage: true });
  });
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`options page scrolled to a section, wide and narrow ${locale} @screenshots`, async ({ ext }) => {
    const { page, out } = await optionsPageIn(ext, locale, { width: 1200, height: 800 });
    await page.goto(`chrome-extension://${ext.extensionId}/options.html#journeys`);
    await expect(page.getByRole('navigation').locator('[aria-current="location"]')).toHaveText(CATALOGUES[locale]['journeys.title']);
    await page.screenshot({ path: path.join(out, `options-nav-${locale}.png`) });
    await page.setViewportSize({ width: 600, height: 800 });
    await page.goto(`chrome-extension://${ext.extensionId}/options.html#backup`);
    await expect(page.getByRole('navigation').locator('[aria-current="location"]')).toHaveText(CATALOGUES[locale]['options.backup']);
    await page.screenshot({ path: path.join(out, `options-narrow-${locale}.png`) });
  });
}
