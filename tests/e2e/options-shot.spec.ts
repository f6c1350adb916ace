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
