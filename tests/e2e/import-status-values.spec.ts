// A marketplace report from Brazil and Mexico: its status column says "Entregue", "Enviado",
// "Pagado"… The mapping shows each value with its guessed meaning; the one it can't guess is
// chosen by the user, and every row is imported (none rejected for its status).
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { CATALOGUES } from '../../lib/i18n';
import { updateSettings } from '../support/settings';

const ROWS = [
  ['P-1001', 'ana.souza', '89.90', '2026-03-02 10:00', 'Entregue'],
  ['P-1002', 'ana.souza', '45.00', '2026-03-09 15:30', 'Enviado'],
  ['P-1003', 'carlos.mx', '120.00', '2026-03-10 11:00', 'Pagado'],
  ['P-1004', 'carlos.mx', '60.00', '2026-03-11 12:00', 'Entregado'],
  ['P-1005', 'lucia_r', '30.00', '2026-03-12 09:00', 'Cancelado'],
  ['P-1006', 'lucia_r', '75.50', '2026-03-13 16:00', 'Reembolsado'],
  ['P-1007', 'joao.p', '19.90', '2026-03-14 08:00', 'Aguardando retirada'],
  ['P-1008', 'joao.p', '22.00', '2026-03-15 08:30', 'Entregue'],
];
const CSV = ['Order No,Buyer,Total,Order Date,Status', ...ROWS.map((r) => r.join(','))].join('\n');

test('status values in Portuguese and Spanish are mapped in the UI, and every row is imported', async ({ freshExt }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-status-'));
  try {
    const file = path.join(dir, 'relatorio-pedidos.csv');
    await writeFile(file, CSV);
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);

    const mapping = options.getByRole('group', { name: 'Match the columns of relatorio-pedidos.csv' });
    await expect(mapping.getByLabel('Status', { exact: true })).toHaveValue('Status');
    const values = mapping.getByRole('group', { name: 'What each status in Status means' });
    // Guessed from the words, in both languages; each value shows how many rows carry it.
    await expect(values.getByLabel('Entregue', { exact: true })).toHaveValue('delivered');
    await expect(values.getByLabel('Entregado', { exact: true })).toHaveValue('delivered');
    await expect(values.getByLabel('Enviado', { exact: true })).toHaveValue('shipped');
    await expect(values.getByLabel('Pagado', { exact: true })).toHaveValue('paid');
    await expect(values.getByLabel('Cancelado', { exact: true })).toHaveValue('cancelled');
    await expect(values.getByLabel('Reembolsado', { exact: true })).toHaveValue('refunded');
    await expect(values).toContainText('“Entregue” (2 rows)');
    // Not guessed: it must be said before the mapping is used, never dropped in silence.
    await expect(values.getByLabel('Aguardando retirada', { exact: true })).toHaveValue('');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();
    await expect(mapping.getByRole('alert')).toHaveText('Say what the status “Aguardando retirada” means: every row with it would otherwise be left out.');
    // The shipment waits at a pick-up point: it has shipped.
    await values.getByLabel('Aguardando retirada', { exact: true }).selectOption('shipped');
    await mapping.getByLabel('Record the orders under', { exact: true }).selectOption('other');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();

    const preview = options.getByTestId('import-preview');
    await expect(preview).toContainText('8 orders from 8 rows, 4 buyers, 0 rows with problems');
    await expect(preview.getByTestId('import-problems')).toHaveCount(0);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText('Imported 8 orders: 4 new members, 0 existing members matched');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Shopee Brazil's export with English headers: two orders carry a status word the preset doesn't know.
const SHOPEE = [
  'Order ID,Order Status,Order Creation Date,Product Name,Quantity,Deal Price,Grand Total,Username (Buyer),Receiver Name,Phone Number',
  '2603BR01,Completed,2026-03-01 10:00,Capinha,1,29.90,29.90,marina.b,Marina B,******1234',
  '2603BR02,Aguardando retirada,2026-03-02 11:00,Pelicula,2,15.00,30.00,marina.b,Marina B,******1234',
  '2603BR03,Aguardando retirada,2026-03-03 12:00,Carregador,1,49.00,49.00,tiago.s,Tiago S,******5678',
].join('\n');

test('a known export with unknown status words shows its problems by kind before anything is stored, and the mapping fixes them', async ({ freshExt }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-status-'));
  try {
    const file = path.join(dir, 'Order.all.20260301_20260303.csv');
    await writeFile(file, SHOPEE);
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    const preview = options.getByTestId('import-preview');
    await expect(preview).toContainText('Shopee order export');
    await expect(preview).toContainText('1 order from 3 rows, 1 buyer, 2 rows with problems');
    const problems = preview.getByTestId('import-problems');
    await expect(problems).toContainText('Order Status: 2 rows');
    await expect(problems).toContainText('row 3: "Aguardando retirada" is not an order status this importer knows for Shopee');
    await expect(problems).toContainText('row 4: "Aguardando retirada"');

    // Mapping the columns opens with Shopee's columns and the status values to say.
    await preview.getByRole('button', { name: 'Map the columns myself' }).click();
    const mapping = options.getByRole('group', { name: /Match the columns of/ });
    await expect(mapping.getByLabel('Order number', { exact: true })).toHaveValue('Order ID');
    await expect(mapping.getByLabel('Amount', { exact: true })).toHaveValue('Grand Total');
    const values = mapping.getByRole('group', { name: 'What each status in Order Status means' });
    await expect(values.getByLabel('Completed', { exact: true })).toHaveValue('delivered');
    await values.getByLabel('Aguardando retirada', { exact: true }).selectOption('shipped');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();
    await expect(preview).toContainText('3 orders from 3 rows, 2 buyers, 0 rows with problems');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText('Imported 3 orders: 2 new members, 0 existing members matched');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

for (const locale of ['en', 'zh-CN'] as const) {
  test(`column mapping with status values ${locale} @screenshots`, async ({ ext }) => {
    const out = path.resolve('screenshots');
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'tmp', 'relatorio-pedidos.csv');
    mkdirSync(path.dirname(file), { recursive: true });
    await writeFile(file, CSV);
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1200, height: 1300 });
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(page, { locale });
    await page.reload();
    await page.getByLabel(CATALOGUES[locale]['options.import.label'], { exact: true }).setInputFiles(file);
    await expect(page.getByTestId('status-values')).toBeVisible();
    await page.locator('section', { has: page.getByTestId('status-values') }).screenshot({ path: path.join(out, `import-status-values-${locale}.png`) });
  });
}
