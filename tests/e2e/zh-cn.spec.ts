// Simplified Chinese end to end: the key screens show no sentence of the English catalogue and no
// Latin sentence at all beyond names (hosts, buyers); a refused restore reads in Chinese too, with
// its row numbers as bare digits.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { CATALOGUES } from '../../lib/i18n';
import { englishOn, latinSentencesOn } from '../support/english';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';
import { walkScreens } from '../support/walk-screens';

const NONE = { options: [], panel: [], popup: [], members: [], reports: [] };

test('in Simplified Chinese, no screen shows an English sentence', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  try {
    const { found, latin } = await walkScreens('zh-CN', page, ext.extensionId, demo, async () => undefined);
    expect(found).toEqual(NONE);
    expect(latin).toEqual(NONE);
  } finally {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(page, { locale: 'en' });
  }
});

test('in Simplified Chinese, a refused restore names each bad row in Chinese: a bad field, a line that is not JSON, an unknown table', async ({ page, ext }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-restore-zh-'));
  const t = CATALOGUES['zh-CN'];
  try {
    const order = { id: 'demo:X1', platform: 'demo', orderNo: 'X1', memberId: 'm1', buyer: 'x', amountMinor: 'lots', currency: 'USD', status: 'paid', placedAt: 1, items: [], updatedAt: 1 };
    const lines = [
      JSON.stringify({ format: 'regulars-backup', schemaVersion: 1, createdAt: Date.now(), counts: { orders: 1 } }),
      JSON.stringify({ t: 'orders', r: order }),
      '{"t": "orders", "r": {',
      JSON.stringify({ t: 'spaceships', r: {} }),
    ];
    const file = path.join(dir, 'regulars-backup-broken.ndjson.gz');
    await writeFile(file, gzipSync(strToU8(`${lines.join('\n')}\n`)));
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(page, { locale: 'zh-CN' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByLabel(t['options.restore.label'], { exact: true }).setInputFiles(file);
    const problems = page.getByTestId('restore-problems');
    await expect(problems).toContainText('第 2 行 (demo:X1)：“amountMinor”无效，请修改后重试。');
    await expect(problems).toContainText(`第 3 行：${t['reason.backup.json']}`);
    await expect(problems).toContainText(`第 4 行：${t['reason.backup.table']}`);
    expect(await englishOn(page)).toEqual([]);
    expect(await latinSentencesOn(page)).toEqual([]);
  } finally {
    await updateSettings(page, { locale: 'en' });
    await rm(dir, { recursive: true, force: true });
  }
});
