// Privacy you can check: every request the browser makes while an agent works (panel, popup,
// options, import, backup, members, reports), from pages, frames and the service worker, goes to the
// extension itself or to the loopback demo marketplace. Regulars has no other host to talk to.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { downloadDemoExport, importOrdersThroughOptions } from '../support/extension';
import { conversationOf, panelFrame } from '../support/panel';

interface Seen {
  url: string;
  from: string;
}

test('while an agent works, every request stays inside the extension or goes to the loopback demo site', async ({ freshExt, demo }) => {
  const { context, extensionId, serviceWorker } = freshExt;
  const seen: Seen[] = [];
  const record = (request: Request) => {
    const worker = request.serviceWorker();
    seen.push({ url: request.url(), from: worker ? `service worker ${worker.url()}` : (request.frame()?.url() ?? '?') });
  };
  context.on('request', record);

  // The recorder sees what the service worker fetches (else a quiet result would prove nothing).
  const probe = `${demo.url}/privacy-probe`;
  await serviceWorker.evaluate((url) => fetch(url).then(() => undefined, () => undefined), probe);
  await expect.poll(() => seen.some((s) => s.url === probe && s.from.startsWith('service worker'))).toBe(true);

  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-privacy-'));
  try {
    // Import through the options page.
    await importOrdersThroughOptions(context, extensionId, await downloadDemoExport(demo.url, dir), 'demo');

    // The panel beside the chat: tag, note, follow-up.
    const page = await context.newPage();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('member-card')).toBeVisible();
    await panel.getByRole('group', { name: 'Quick tags' }).getByRole('button').first().click();
    await panel.getByRole('textbox', { name: 'Notes' }).fill('Prefers the blue one.');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await expect(panel.getByTestId('notes')).toContainText('blue one');
    await panel.getByRole('textbox', { name: 'Reason' }).fill('Ask about the size');
    await panel.getByRole('button', { name: 'In 3 days' }).click();
    await expect(panel.getByTestId('member-reminders')).toContainText('Ask about the size');

    // The popup: Today and Segments.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('tab').nth(1).click();
    await popup.getByRole('tab').first().click();

    // Options: a setting, a backup file.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const backup = options.locator('section[aria-labelledby="backup-h"]');
    await backup.getByLabel('Remind me to back up').selectOption('7');
    const [download] = await Promise.all([options.waitForEvent('download'), backup.getByRole('button', { name: 'Download backup' }).click()]);
    await download.saveAs(path.join(dir, download.suggestedFilename()));

    // Members, a member's page, and the reports.
    const members = await context.newPage();
    await members.goto(`chrome-extension://${extensionId}/members.html#/members`);
    await expect(members.getByRole('table')).toBeVisible();
    const reports = await context.newPage();
    await reports.goto(`chrome-extension://${extensionId}/reports.html`);
    await expect(reports.locator('canvas, svg').first()).toBeVisible();
    await reports.waitForTimeout(500);
  } finally {
    context.off('request', record);
    await rm(dir, { recursive: true, force: true });
  }

  const demoOrigin = new URL(demo.url).origin;
  // The extension's own files (the panel frame loads from a per-session dynamic id, use_dynamic_url),
  // data: and blob: URLs never leave the browser. (Node gives chrome-extension: URLs a null origin.)
  const allowed = (url: string) =>
    url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === demoOrigin;
  expect(seen.filter((s) => !allowed(s.url))).toEqual([]);
  // It did see the work: the extension's own pages and the demo site's.
  expect(seen.filter((s) => s.url.startsWith(`chrome-extension://${extensionId}/`)).length).toBeGreaterThan(10);
});
