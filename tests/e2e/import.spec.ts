import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectedStats } from '../../demo/seed';
import { downloadDemoExport } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';

// A file saved by two tools: a CRLF header over LF rows, and a lone CR ending some rows. Each path
// (the preview read in the worker, and the streamed big-file import) stores every order of it.
const MIXED = (i: number) => (i === 0 ? '\r\n' : i % 10 === 0 ? '\r' : '\n');

/** The demo export, saved with the line ends `ends(i)` gives line i. */
async function demoExportWithLineEnds(demoUrl: string, dir: string, ends: (i: number) => string): Promise<string> {
  const file = await downloadDemoExport(demoUrl, dir);
  const lines = (await readFile(file, 'utf8')).replace(/(\r?\n)+$/, '').split(/\r?\n/);
  await writeFile(file, lines.map((line, i) => line + ends(i)).join(''));
  return file;
}

test('a big export with mixed line ends is streamed into the store a batch at a time with every order and member, then the chat panel knows the buyers', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-stream-'));
  try {
    const options = await freshExt.context.newPage();
    // streamAbove=1: every file takes the big-file path (read in chunks by the worker, stored as it goes).
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html?streamAbove=1`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(await demoExportWithLineEnds(demo.url, dir, MIXED));
    await options.getByLabel('Platform', { exact: true }).selectOption('demo');
    await expect(options.getByTestId('import-preview')).toBeVisible();
    // The background reads the file itself (file-import.ts): the page hands it over and posts no batch.
    const background = freshExt.context.serviceWorkers().find((w) => w.url().includes(freshExt.extensionId))!;
    await background.evaluate(() => {
      const posted: string[] = ((globalThis as { regularsPosted?: string[] }).regularsPosted = []);
      self.addEventListener('message', (e) => posted.push((e as MessageEvent<{ message?: { name?: string } }>).data?.message?.name ?? ''));
    });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText(
      // One person under two handles (same phone) is one member: the report counts what the store gained.
      `Imported ${demo.seed.orders.length.toLocaleString('en-US')} orders: ${(demo.seed.buyers.length - 1).toLocaleString('en-US')} new members, 0 existing members matched`,
      // The whole import, as the streamed tests below wait for it (a busy machine streams it in more than 10 s).
      { timeout: 60_000 },
    );
    await expect(options.getByText(`${(demo.seed.buyers.length - 1).toLocaleString('en-US')} members · ${demo.seed.orders.length.toLocaleString('en-US')} orders in your master file`)).toBeVisible();
    const posted = await background.evaluate(() => (globalThis as { regularsPosted?: string[] }).regularsPosted ?? []);
    expect(posted).toContain('orders.importFile');
    expect(posted).not.toContain('orders.import');
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

// The mixed file streamed is the first test's.
for (const [route, query, ends] of [
  ['mixed line ends is previewed and imported whole', '', MIXED],
  ['CR line ends only is streamed', '?streamAbove=1', () => '\r'],
] as const) {
  test(`an export with ${route} with every order and member`, async ({ freshExt, demo }) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'regulars-line-ends-'));
    try {
      const file = await demoExportWithLineEnds(demo.url, dir, ends);
      const options = await freshExt.context.newPage();
      await options.goto(`chrome-extension://${freshExt.extensionId}/options.html${query}`);
      await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
      await options.getByLabel('Platform', { exact: true }).selectOption('demo');
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      const members = (demo.seed.buyers.length - 1).toLocaleString('en-US');
      // The whole import, as importOrdersThroughOptions waits for it (a busy machine streams it in more than 10 s).
      await expect(options.getByRole('status').filter({ hasText: /^\s*Imported/ })).toContainText(`Imported ${demo.seed.orders.length.toLocaleString('en-US')} orders: ${members} new members`, { timeout: 60_000 });
      await expect(options.getByText(`${members} members · ${demo.seed.orders.length.toLocaleString('en-US')} orders in your master file`)).toBeVisible();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
