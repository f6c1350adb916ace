import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadDemoExport } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { stopBackground } from '../support/stop-worker';

// An import's batches are posted to the background's service worker. A worker the browser stopped
// while the options page sat open is woken by the first batch, and the same file again finds every
// order unchanged.
test('an import reaches a background worker stopped while the options page was open, and so does the same file again', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-stopped-'));
  try {
    const file = await downloadDemoExport(demo.url, dir);
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html?streamAbove=1`);
    const orders = demo.seed.orders.length.toLocaleString('en-US');
    const members = (demo.seed.buyers.length - 1).toLocaleString('en-US');
    const status = options.getByRole('status').filter({ hasText: /^\s*Imported/ });
    const importFile = async () => {
      await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
      await options.getByLabel('Platform', { exact: true }).selectOption('demo');
      await options.getByRole('button', { name: 'Import', exact: true }).click();
    };

    // Stopped while the page sits open and ready (a stop while the page still waits for its settings
    // left it without its import control in one CI run).
    const ready = options.getByLabel('Import order export', { exact: true });
    await expect(ready).toBeAttached();
    await stopBackground(options);
    await importFile();
    await expect(status).toContainText(`Imported ${orders} orders: ${members} new members, 0 existing members matched`, { timeout: 60_000 });
    await expect(status).toContainText(`${orders} new, 0 updated, 0 unchanged orders`);

    await options.reload();
    await expect(ready).toBeAttached();
    await stopBackground(options);
    await importFile();
    await expect(status).toContainText(`Imported ${orders} orders: 0 new members`, { timeout: 60_000 });
    await expect(status).toContainText(`0 new, 0 updated, ${orders} unchanged orders`);
    await expect(options.getByText(`${members} members · ${orders} orders in your master file`)).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
