import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { downloadDemoExport, importOrdersThroughOptions } from '../support/extension';
import { expect, test } from '../support/fixtures';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

type Reply = { ok: boolean; data?: unknown; error?: { message: string } };

/** A protocol message from an extension page, as the panel or popup would send it. */
async function send<T>(page: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ regulars: 1, name: n, payload: p }), [name, payload] as const)) as Reply;
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.data as T;
}

// The options page has other status lines (the team section's): read the backup section's own.
const backupRegion = (page: Page) => page.getByRole('region', { name: 'Backup and export' });

type Counts = { members: number; orders: number; notes: number; identities: number };
type Card = { member: { id: string; tags: string[] } };

test('a backup restores the store as it was: a tag added since is gone, settings are back, the counts are equal', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-backup-'));
  try {
    const { context, extensionId } = freshExt;
    await importOrdersThroughOptions(context, extensionId, await downloadDemoExport(demo.url, dir), 'demo');
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await send(page, 'settings.update', { authorName: 'Ana' });
    await page.reload();
    // Never backed up, and there are members: the page says so.
    await expect(page.getByTestId('backup-reminder')).toContainText('never backed up');
    const before = await send<Counts>(page, 'store.counts', {});

    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
    // waitFor, not expect: it returns when the text appears, without expect's polling steps (timing below).
    await backupRegion(page).getByRole('status').filter({ hasText: 'Backup saved' }).waitFor();
    const backupMs = Date.now() - started;
    expect(download.suggestedFilename()).toMatch(/^regulars-backup-\d{4}-\d{2}-\d{2}\.ndjson\.gz$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
    await expect(page.getByText(/^Last backup: /)).toBeVisible();

    const bytes = await readFile(file);
    const lines = strFromU8(gunzipSync(bytes)).split('\n').filter(Boolean);
    const header = JSON.parse(lines[0]!) as { format: string; counts: Record<string, number> };
    expect(header).toMatchObject({ format: 'regulars-backup', counts: { members: before.members, orders: before.orders, identities: before.identities } });
    expect(lines.length - 1).toBe(Object.values(header.counts).reduce((a, b) => a + b, 0));

    // After the backup: a tag, and a changed setting (which the background keeps in memory).
    const handle = demo.seed.known.champion;
    const card = await send<Card>(page, 'member.lookup', { platform: 'demo', handle });
    await send(page, 'member.addTag', { memberId: card.member.id, tag: 'added after the backup' });
    await send(page, 'settings.update', { authorName: 'Bo' });

    await page.getByLabel('Restore from backup').setInputFiles(file);
    const confirm = page.getByTestId('restore-confirm');
    await expect(confirm).toContainText('Restoring replaces everything');
    await expect(confirm.getByRole('row', { name: /^Members/ })).toContainText(String(before.members));
    const restoreStarted = Date.now();
    await confirm.getByRole('button', { name: 'Replace with this backup' }).click();
    await backupRegion(page).getByRole('status').filter({ hasText: /^\s*Restored/ }).waitFor();
    const restoreMs = Date.now() - restoreStarted;
    await expect(backupRegion(page).getByRole('status')).toContainText(`Restored ${before.members.toLocaleString('en-US')} members and ${before.orders.toLocaleString('en-US')} orders`);

    const after = await send<Card>(page, 'member.lookup', { platform: 'demo', handle });
    expect(after.member.tags).not.toContain('added after the backup');
    const vocabulary = await send<{ name: string }[]>(page, 'tags.vocabulary', {});
    expect(vocabulary.map((t) => t.name)).not.toContain('added after the backup');
    expect((await send<{ authorName: string }>(page, 'settings.get', {})).authorName).toBe('Ana');
    expect(await send<Counts>(page, 'store.counts', {})).toEqual(before);
    console.log(JSON.stringify({ bench: 'backup.demo', members: before.members, orders: before.orders, rows: lines.length - 1, gzipBytes: bytes.length, ndjsonBytes: gunzipSync(bytes).length, backupMs, restoreMs }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a backup from a newer Regulars, or a file that is not a backup, is refused and nothing changes', async ({ ext, demoImported, page }) => {
  expect(demoImported).toMatch(/^Imported/);
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-refuse-'));
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const before = await send<Counts>(page, 'store.counts', {});
    const newer = path.join(dir, 'regulars-backup-newer.ndjson.gz');
    await writeFile(newer, gzipSync(strToU8(`${JSON.stringify({ format: 'regulars-backup', schemaVersion: 99, createdAt: Date.now(), counts: {} })}\n`)));
    await page.getByLabel('Restore from backup').setInputFiles(newer);
    await expect(page.getByRole('alert')).toContainText('made by a newer Regulars (schema 99); update Regulars first');

    const orders = path.join(dir, 'orders.csv');
    await writeFile(orders, 'Order No,Buyer,Amount\nA1,lily,12.50\n');
    await page.getByLabel('Restore from backup').setInputFiles(orders);
    await expect(page.getByRole('alert')).toContainText("isn't a Regulars backup");

    const broken = path.join(dir, 'regulars-backup-broken.ndjson.gz');
    const row = { t: 'orders', r: { id: 'demo:X1', platform: 'demo', orderNo: 'X1', memberId: 'm1', buyer: 'x', amountMinor: 'lots', currency: 'USD', status: 'paid', placedAt: 1, items: [], updatedAt: 1 } };
    await writeFile(broken, gzipSync(strToU8(`${JSON.stringify({ format: 'regulars-backup', schemaVersion: 1, createdAt: Date.now(), counts: { orders: 1 } })}\n${JSON.stringify(row)}\n`)));
    await page.getByLabel('Restore from backup').setInputFiles(broken);
    await expect(page.getByRole('alert')).toContainText('1 row of this backup is not valid');
    await expect(page.getByTestId('restore-problems')).toContainText('Orders, line 2 (demo:X1): “Amount” is not valid.');

    await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
    expect(await send<Counts>(page, 'store.counts', {})).toEqual(before);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('members export to a CSV with a BOM, a header and one line per member', async ({ ext, demoImported, page }) => {
  expect(demoImported).toMatch(/^Imported/);
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const { members, orders } = await send<Counts>(page, 'store.counts', {});

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export members (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^regulars-members-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual(['Name', 'Handles', 'Phone', 'E-mail', 'Tier', 'Tags', 'RFM segment', 'Orders', 'Spend', 'Average order', 'Currency', 'First order', 'Last order', 'Points', 'Do not contact']);
  expect(rows).toHaveLength(members + 1);
  expect(bytes.includes('\r\n')).toBe(true);
  await expect(backupRegion(page).getByRole('status')).toContainText(`(${members.toLocaleString('en-US')} rows)`);

  const [ordersDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export orders (CSV)' }).click()]);
  const orderRows = Papa.parse<string[]>((await readFile(await ordersDownload.path())).toString('utf8').slice(1), { skipEmptyLines: true }).data;
  expect(orderRows).toHaveLength(orders + 1);
  expect(orderRows[1]![6]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
});

// Not an assertion of looks: pictures of the backup section for a person to check (npm run screenshots).
test('options page backup section @screenshots', async ({ freshExt, demo }) => {
  const out = path.resolve('screenshots');
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-backup-shot-'));
  try {
    const { context, extensionId } = freshExt;
    await importOrdersThroughOptions(context, extensionId, await downloadDemoExport(demo.url, dir), 'demo');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1200, height: 1000 });
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await send(page, 'settings.update', { locale, lastBackupAt: null });
      await page.reload();
      const section = page.locator('section[aria-labelledby="backup-h"]');
      await expect(section.getByTestId('backup-reminder')).toBeVisible();
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, `options-backup-${locale}.png`) });
      const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button').first().click()]);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      await section.locator('input[type=file]').setInputFiles(file);
      await expect(section.getByTestId('restore-confirm')).toBeVisible();
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, `options-restore-${locale}.png`) });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
