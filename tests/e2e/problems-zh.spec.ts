// Import problems and refusals come from the importer as codes (lib/import/problem.ts): on a Chinese
// screen they read in Chinese, with no sentence of the English catalogue anywhere on the page.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CATALOGUES } from '../../lib/i18n';
import { englishOn } from '../support/english';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';

// Shopee Brazil's export with English headers: two orders carry a status word the preset doesn't know.
const SHOPEE = [
  'Order ID,Order Status,Order Creation Date,Product Name,Quantity,Deal Price,Grand Total,Username (Buyer),Receiver Name,Phone Number',
  '2603BR01,Completed,2026-03-01 10:00,Capinha,1,29.90,29.90,marina.b,Marina B,******1234',
  '2603BR02,Aguardando retirada,2026-03-02 11:00,Pelicula,2,15.00,30.00,marina.b,Marina B,******1234',
  '2603BR03,Completed,2026-03-03 12:00,Carregador,1,abc,abc,tiago.s,Tiago S,******5678',
].join('\n');

for (const locale of ['zh-CN', 'zh-TW'] as const) {
  test(`${locale}: a row problem and a refused file are told in ${locale}, with no English sentence`, async ({ ext, page }) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'regulars-problems-'));
    const t = CATALOGUES[locale];
    try {
      const shopee = path.join(dir, 'shopee-br.csv');
      await writeFile(shopee, SHOPEE);
      const other = path.join(dir, 'colours.csv');
      await writeFile(other, 'Colour,Size,Weight\nred,S,2\n');
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await updateSettings(page, { locale });
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      await page.getByLabel(t['options.import.label'], { exact: true }).setInputFiles(shopee);
      const problems = page.getByTestId('import-problems');
      await expect(problems).toContainText('「Aguardando retirada」');
      await expect(problems).toContainText('「abc」');
      await expect(problems).toContainText('2603BR03');
      expect(await englishOn(page)).toEqual([]);

      await page.getByLabel(t['options.import.label'], { exact: true }).setInputFiles(other);
      const refusal = page.getByTestId('import-preview').locator('.alert');
      await expect(refusal).toContainText('colours.csv');
      await expect(refusal).toContainText('Colour, Size, Weight');
      expect(await englishOn(page)).toEqual([]);
    } finally {
      // The browser is the worker's: the next spec expects English.
      await updateSettings(page, { locale: 'en' });
      await rm(dir, { recursive: true, force: true });
    }
  });
}
