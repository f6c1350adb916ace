// Pictures of the options page for a person to check (npm run screenshots).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { downloadDemoExport } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { CATALOGUES } from '../../lib/i18n';
import { updateSettings } from '../support/settings';

for (const [locale, counts] of [['en', 'orders from'], ['zh-CN', '笔订单']] as const) {
  test(`options page with an import preview ${locale} @screenshots`, async ({ ext, demo }) => {
    const out = path.resolve('screenshots');
    mkdirSync(out, { recursive: true });
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1200, height: 1400 });
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    // The screenshot runs share one profile: say the language rather than inherit the last test's.
    await updateSettings(page, { locale });
    await page.reload();
    await page.getByLabel(CATALOGUES[locale]['options.import.label'], { exact: true }).setInputFiles(await downloadDemoExport(demo.url, path.join(out, 'tmp')));
    await expect(page.getByTestId('import-preview')).toContainText(counts);
    await page.screenshot({ path: path.join(out, `options-${locale}.png`), fullPage: true });
  });
}
