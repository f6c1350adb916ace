import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ordersCsv } from '../../demo/export';
import { expectedStats } from '../../demo/seed';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';

test('an automatic merge by phone is listed by the import, undone from the panel, and redone by hand', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-merge-'));
  try {
    const [a, b] = demo.seed.known.twoHandles;
    // The demo export of the two handles that share a phone (the rest of the shop plays no part here).
    const file = path.join(dir, 'orders.csv');
    await writeFile(file, ordersCsv({ ...demo.seed, orders: demo.seed.orders.filter((o) => o.handle === a || o.handle === b) }));
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    await options.getByLabel('Platform', { exact: true }).selectOption('demo');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    // Allow it the time an import takes on a loaded machine.
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported\b/ }).first()).toBeVisible({ timeout: 60_000 });
    await expect(options.getByTestId('import-merges')).toContainText(/same phone/);
    await options.close();

    const page = await freshExt.context.newPage();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, a)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [a, b]).spendMinor));
    const merged = (await panel.getByTestId('identities').innerText()).includes(b) ? b : a;
    await panel.getByRole('button', { name: `Separate @${merged} into a member of its own` }).click();
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [a]).spendMinor));
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, b)}`);
    const other = await panelFrame(page);
    await expect(other.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [b]).spendMinor));

    // …and merged again by hand: "Same person as…" → find the other handle → Merge here.
    await other.getByText('Same person as…').click();
    await other.getByRole('searchbox', { name: 'Search by name, handle or phone' }).fill(a);
    await other.getByRole('button', { name: 'Merge here' }).first().click();
    await expect(other.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [a, b]).spendMinor));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
