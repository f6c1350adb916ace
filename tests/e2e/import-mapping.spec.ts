import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';
import { updateSettings } from '../support/settings';
import type { LaunchedExtension } from '../support/extension';

// A spreadsheet a shop keeps by hand: no marketplace's columns, so no preset knows it.
const MARCH = ['Ref No,Customer Handle,Mobile,Paid Total,Order Time,State', 'R-101,curious.cat_22,,19.90,2026-03-02 10:00,Paid', 'R-102,curious.cat_22,,25.10,2026-03-09 15:30,Shipped', 'R-103,walk.in_77,,8.00,2026-03-10 11:00,Paid'].join('\n');
// Next month's sheet: the same columns in another order, so the saved mapping must find them by name.
const APRIL = ['State,Order Time,Paid Total,Ref No,Mobile,Customer Handle', 'Paid,2026-04-03 09:00,40.00,R-201,,curious.cat_22', 'Paid,2026-04-04 09:00,5.00,R-202,,walk.in_77'].join('\n');

test('a file no preset knows is read through a column mapping the user makes, which is saved and used again for the same columns', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-mapping-'));
  try {
    const march = path.join(dir, 'shop-sheet-march.csv');
    const april = path.join(dir, 'shop-sheet-april.csv');
    await writeFile(march, MARCH);
    await writeFile(april, APRIL);
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(march);

    const mapping = options.getByRole('group', { name: 'Match the columns of shop-sheet-march.csv' });
    await expect(options.getByText("these columns don't match any export Regulars knows")).toBeVisible();
    // Guessed from the headers: the date and the phone; the rest is the user's to say.
    await expect(mapping.getByLabel('Order date', { exact: true })).toHaveValue('Order Time');
    await expect(mapping.getByLabel('Phone', { exact: true })).toHaveValue('Mobile');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();
    await expect(mapping.getByRole('alert')).toHaveText('Choose the column that holds the Order number.');

    await mapping.getByLabel('Order number', { exact: true }).selectOption('Ref No');
    await mapping.getByLabel('Buyer (username or name)', { exact: true }).selectOption('Customer Handle');
    await mapping.getByLabel('Amount', { exact: true }).selectOption('Paid Total');
    await mapping.getByLabel('Status', { exact: true }).selectOption('State');
    await mapping.getByLabel('Record the orders under', { exact: true }).selectOption('demo');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();

    const preview = options.getByTestId('import-preview');
    await expect(preview).toContainText('shop-sheet-march.csv · your column mapping');
    await expect(preview.getByTestId('import-columns')).toContainText('Order number ← Ref No');
    await expect(preview.getByTestId('import-columns')).toContainText('Amount ← Paid Total');
    await expect(preview).toContainText('3 orders from 3 rows, 2 buyers, 0 rows with problems');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText('Imported 3 orders: 2 new members, 0 existing members matched');

    // April's file, with the same columns shuffled, maps itself: no question asked.
    await options.reload();
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(april);
    await expect(preview).toContainText('shop-sheet-april.csv · your saved column mapping');
    await expect(options.getByRole('group', { name: /Match the columns/ })).toHaveCount(0);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText('Imported 2 orders: 0 new members, 2 existing members matched');

    // The buyer who only chatted before now has three orders (the shipped one counts as spend).
    const page = await freshExt.context.newPage();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.unknown)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(1990 + 2510 + 4000));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file no preset knows is told so in the reader’s language', async ({ ext }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-mapping-'));
  const options = await ext.context.newPage();
  try {
    const march = path.join(dir, 'shop-sheet-march.csv');
    await writeFile(march, MARCH);
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(options, { locale: 'zh-CN' });
    await options.reload();
    // The file field is named in the page's language, for screen readers too.
    await options.getByLabel('导入订单导出文件', { exact: true }).setInputFiles(march);
    await expect(options.getByText('shop-sheet-march.csv：这些列与 Regulars 认识的任何导出文件都对不上（Ref No, Customer Handle, Mobile, Paid Total, Order Time, State…）。请在下面指明每一列是什么。')).toBeVisible();
    await expect(options.getByText("don't match")).toHaveCount(0);
  } finally {
    await updateSettings(options, { locale: 'en' });
    await options.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** An Etsy fixture with "Sale Date" renamed by hand, chosen for import: the options page and the mapping it opens. */
async function openEtsyWithDateRenamed(ext: LaunchedExtension, dir: string, fixture: string, name: string) {
  const etsy = await readFile(new URL(`../../lib/import/presets/fixtures/${fixture}`, import.meta.url), 'utf8');
  const file = path.join(dir, name);
  await writeFile(file, etsy.replace(/^Sale Date,/, 'Date of Sale,'));
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
  const mapping = options.getByRole('group', { name: `Match the columns of ${name}` });
  await expect(mapping).toContainText('This looks like Etsy sold orders (EtsySoldOrders), but');
  return { options, mapping };
}

test('a file that nearly is a known export opens that export’s mapping filled in, and imports once the missing column is chosen', async ({ freshExt }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-near-'));
  try {
    // Etsy UK's orders file with "Sale Date" renamed by hand: three of its four signature columns are left.
    const { options, mapping } = await openEtsyWithDateRenamed(freshExt, dir, 'EtsySoldOrders2026-3.uk.csv', 'EtsySoldOrders2026-3-edited.csv');
    await expect(mapping).toContainText('the column “Sale Date” is not there');
    await expect(options.getByText("don't match any export")).toHaveCount(0);
    // Filled in as Etsy's file has them, recorded under Etsy.
    await expect(mapping.getByLabel('Order number', { exact: true })).toHaveValue('Order ID');
    await expect(mapping.getByLabel('Buyer (username or name)', { exact: true })).toHaveValue('Buyer User ID');
    await expect(mapping.getByLabel('Amount', { exact: true })).toHaveValue('Order Total');
    await expect(mapping.getByLabel('Status', { exact: true })).toHaveValue('Status');
    await expect(mapping.getByLabel('Record the orders under', { exact: true })).toHaveValue('etsy');

    await mapping.getByLabel('Order date', { exact: true }).selectOption('Date of Sale');
    // Etsy's own "Open" is no common word: the user says what it is, as for any mapping.
    await mapping.getByLabel('Open', { exact: true }).selectOption('paid');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();
    const preview = options.getByTestId('import-preview');
    await expect(preview).toContainText('3 orders from 3 rows, 2 buyers, 0 rows with problems');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText('Imported 3 orders: 2 new members, 0 existing members matched');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a near Etsy US file, whose Status is empty for orders still open, imports those rows as paid, as Etsy means them', async ({ freshExt }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-near-us-'));
  try {
    // Etsy US leaves Status empty on open orders (3 of the 4 here); "Sale Date" renamed by hand.
    const { options, mapping } = await openEtsyWithDateRenamed(freshExt, dir, 'EtsySoldOrders2026-3.csv', 'EtsySoldOrders2026-3-us-edited.csv');
    // The empty cells are a value of their own, given Etsy's meaning; "Canceled" is a common word.
    const values = mapping.getByTestId('status-values');
    await expect(values.getByLabel('Empty (3 rows)', { exact: true })).toHaveValue('paid');
    await expect(values.getByLabel('Canceled', { exact: true })).toHaveValue('cancelled');
    await mapping.getByLabel('Order date', { exact: true }).selectOption('Date of Sale');
    await mapping.getByRole('button', { name: 'Use this mapping' }).click();
    await expect(options.getByTestId('import-preview')).toContainText('4 orders from 4 rows, 3 buyers, 0 rows with problems');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText('Imported 4 orders: 3 new members, 0 existing members matched');

    const stored = await options.evaluate(
      () =>
        new Promise<{ orderNo: string; status: string; amountMinor: number; currency: string }[]>((resolve, reject) => {
          const open = indexedDB.open('regulars');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('orders').objectStore('orders').getAll();
            all.onsuccess = () => (resolve(all.result as never), open.result.close());
          };
        }),
    );
    const byNo = Object.fromEntries(stored.map((o) => [o.orderNo, [o.status, o.amountMinor, o.currency]]));
    expect(byNo).toEqual({ 3301234501: ['paid', 5100, 'USD'], 3301234502: ['paid', 3750, 'EUR'], 3301234503: ['paid', 3416, 'USD'], 3301234504: ['cancelled', 2400, 'USD'] });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
