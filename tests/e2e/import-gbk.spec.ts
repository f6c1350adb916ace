import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectedStats } from '../../demo/seed';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';
import { seedDemoOrders } from '../support/seed';

const TAOBAO_FIXTURE = path.resolve('lib/import/presets/fixtures/ExportOrderList202603.csv');

test('the demo export of a buyer, then a GBK Taobao file: the chat panel shows one member with both', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-gbk-'));
  try {
    const champion = demo.seed.buyers.find((b) => b.handle === demo.seed.known.champion)!;
    // A real-shaped Taobao ExportOrderList (GBK), whose buyer gave the same phone as our champion.
    const text = new TextDecoder('gbk').decode(readFileSync(TAOBAO_FIXTURE)).replaceAll('13800138000', champion.phone);
    const taobao = path.join(dir, 'ExportOrderList202603.csv');
    writeFileSync(taobao, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
    expect(readFileSync(taobao).includes(Buffer.from('订单编号', 'utf8'))).toBe(false); // really not UTF-8

    // The champion's orders of the demo export, stored as an import stores them (this test's import is the Taobao file's).
    await seedDemoOrders(freshExt, demo.seed, [champion.handle]);
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(taobao);
    // Detected as Taobao by its Chinese headers, and as GBK by its bytes.
    await expect(options.getByTestId('import-preview')).toContainText('GB18030');
    await expect(options.getByTestId('import-preview')).toContainText('Taobao');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toBeVisible();
    await options.close();

    const page = await freshExt.context.newPage();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, champion.handle)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('identities')).toContainText('tb_lily2026');
    await expect(panel.getByTestId('identities')).toContainText('Taobao');
    // Counted orders: the champion's plus the Taobao buyer's paid and completed ones (the unpaid one isn't).
    await expect(panel.getByTestId('stat-orders')).toHaveText(String(expectedStats(demo.seed, [champion.handle]).orderCount + 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
