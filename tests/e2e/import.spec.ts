import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectedStats } from '../../demo/seed';
import { downloadDemoExport } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';

test('a big export is streamed into the store a batch at a time, then the chat panel knows the buyers', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-stream-'));
  try {
    const options = await freshExt.context.newPage();
    // streamAbove=1: every file takes the big-file path (read in chunks by the worker, stored as it goes).
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html?streamAbove=1`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(await downloadDemoExport(demo.url, dir));
    await options.getByLabel('Platform', { exact: true }).selectOption('demo');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText(
      // One person under two handles (same phone) is one member: the report counts what the store gained.
      `Imported ${demo.seed.orders.length} orders: ${demo.seed.buyers.length - 1} new members, 0 existing members matched`,
    );
    await expect(options.getByText(`${demo.seed.buyers.length - 1} members · ${demo.seed.orders.length} orders in your master file`)).toBeVisible();
    await options.close();

    const page = await freshExt.context.newPage();
    const handle = demo.seed.known.champion;
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [handle]).spendMinor));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
