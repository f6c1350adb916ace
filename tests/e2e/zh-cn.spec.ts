// Simplified Chinese end to end: the key screens show no sentence of the English catalogue and no
// Latin sentence at all beyond names (hosts, buyers); a refused restore reads in Chinese too, with
// its row numbers as bare digits.
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { CATALOGUES } from '../../lib/i18n';
import { englishOn, latinSentencesOn, shopNames } from '../support/english';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';
import { walkScreens } from '../support/walk-screens';

const NONE = { options: [], panel: [], popup: [], members: [], reports: [] };

test('Simplified Chinese screens @screenshots', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  mkdirSync('screenshots', { recursive: true });
  await page.setViewportSize({ width: 1400, height: 900 });
  try {
    await walkScreens('zh-CN', page, ext.extensionId, demo, (target, name) => target.screenshot({ path: path.join('screenshots', `zh-CN-${name}.png`) }).then(() => undefined));
  } finally {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(page, { locale: 'en' });
  }
});

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
    await expect(problems).toContainText('第 2 行（demo:X1）：“金额”无效，请修改后重试。');
    await expect(problems).toContainText(`第 3 行：${t['reason.backup.json']}`);
    await expect(problems).toContainText(`第 4 行：${t['reason.backup.table']}`);
    expect(await englishOn(page)).toEqual([]);
    expect(await latinSentencesOn(page, await shopNames(page))).toEqual([]);
  } finally {
    await updateSettings(page, { locale: 'en' });
    await rm(dir, { recursive: true, force: true });
  }
});

for (const [locale, typedFrom, shownFrom, typedTo, heading, pick, shownTo] of [
  ['zh-CN', '2020/1/1', '2020/01/01', '2020年1月2日', '2020年1月', '2020年1月31日星期五', '2020/01/31'],
  ['en', '1/1/2020', '01/01/2020', '1/2/2020', 'January 2020', 'Friday, January 31, 2020', '01/31/2020'],
] as const) {
  test(`in ${locale}, a segment's date range is typed and picked as the locale writes dates, and it filters`, async ({ page, ext, demoImported }) => {
    expect(demoImported).toBeTruthy();
    const t = CATALOGUES[locale];
    const label = t['segments.builder.lastOrder'];
    try {
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await updateSettings(page, { locale });
      await page.goto(`chrome-extension://${ext.extensionId}/members.html#/members`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const count = page.getByTestId('segment-count');
      await expect(count).toHaveAttribute('data-count', /^[1-9]\d*$/);
      await page.getByRole('combobox', { name: label, exact: true }).selectOption('between');
      const from = page.getByRole('textbox', { name: `${label}: ${t['segments.builder.from']}` });
      const to = page.getByRole('textbox', { name: `${label}: ${t['segments.builder.to']}` });
      await expect(from).toHaveAttribute('placeholder', t['date.placeholder']);
      await from.fill(typedFrom);
      await from.blur();
      await expect(from).toHaveValue(shownFrom);
      // Every demo order is years after 2 January 2020: no one's last order falls in between.
      await to.fill(typedTo);
      await to.blur();
      await expect(count).toHaveAttribute('data-count', '0');
      // The calendar of the "to" field: the month and the day in the locale's words.
      await to.locator('xpath=..').getByRole('button', { name: t['date.pick'] }).click();
      const calendar = page.getByRole('dialog', { name: `${label}: ${t['segments.builder.to']}` });
      await expect(calendar.locator('.calendar-head strong')).toHaveText(heading);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `screenshots/date-picker-${locale}.png` });
      await calendar.getByRole('button', { name: pick, exact: true }).click();
      await expect(to).toHaveValue(shownTo);
      await expect(calendar).toHaveCount(0);
    } finally {
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await updateSettings(page, { locale: 'en' });
    }
  });
}
