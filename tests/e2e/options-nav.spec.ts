// The settings page is nine sections long: its table of contents takes the user to each, marks the
// one being read, opens at the section an address names, and the import preview stays in its card.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { downloadDemoExport } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';

const SECTIONS = ['Data', 'Tiers and lapse', 'Product categories', 'Backup and export', 'Marketplaces', 'Seller pages', 'Reminders and journeys', 'Team', 'Your shop'];

/**
 * The section's heading is in the window and not under the strip (`below`); at its top, not merely
 * somewhere in it, unless the page ends before it can come up that far (`near` false).
 */
async function expectShown(page: Page, heading: string, { below = 0, near = true } = {}) {
  const h = page.getByRole('heading', { level: 2, name: heading, exact: true });
  await expect(h).toBeInViewport();
  const box = (await h.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(below);
  if (near) expect(box.y).toBeLessThan(below + 120);
}

test('the settings page lists its sections, goes to the one clicked and marks it, opens at the section its address names, and on a narrow window keeps them in a strip along the top', async ({ freshExt }) => {
  const page = await freshExt.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
  let nav = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(nav.getByRole('link')).toHaveText(SECTIONS);
  await expect(nav.locator('[aria-current="location"]')).toHaveText('Data');

  await nav.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page).toHaveURL(/#team$/);
  // Team is near the page's end: the page can't bring it up to the top, and it is still the one marked.
  await expectShown(page, 'Team', { near: false });
  await expect(nav.locator('[aria-current="location"]')).toHaveText('Team');
  // The column stays beside the sections as the page scrolls.
  expect((await nav.boundingBox())!.y).toBeLessThan(40);

  await nav.getByRole('link', { name: 'Backup and export', exact: true }).click();
  await expectShown(page, 'Backup and export');
  await expect(nav.locator('[aria-current="location"]')).toHaveText('Backup and export');

  // Scrolled by hand to the end: the last section is the one being read.
  await page.mouse.wheel(0, 50_000);
  await expect(nav.locator('[aria-current="location"]')).toHaveText('Your shop');

  // An address with a section opens there once the page has drawn its sections.
  const again = await freshExt.context.newPage();
  await again.setViewportSize({ width: 1200, height: 800 });
  await again.goto(`chrome-extension://${freshExt.extensionId}/options.html#marketplaces`);
  await expect(again.getByRole('navigation', { name: 'Settings sections' }).locator('[aria-current="location"]')).toHaveText('Marketplaces');
  await expectShown(again, 'Marketplaces');

  // On a narrow window the sections are a strip along the top that stays in view; in Chinese it speaks Chinese.
  await page.setViewportSize({ width: 640, height: 800 });
  await updateSettings(page, { locale: 'zh-CN' });
  await page.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
  nav = page.getByRole('navigation', { name: '设置目录' });
  await expect(nav.getByRole('link', { name: '团队', exact: true })).toBeVisible();
  // By keyboard, as an agent who tabs to it: the link is off the strip's visible part until then.
  await nav.getByRole('link', { name: '团队', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(nav.locator('[aria-current="location"]')).toHaveText('团队');
  // The strip, wider than the window, has scrolled the marked link into it.
  expect(await nav.evaluate((n) => n.scrollWidth > n.clientWidth)).toBe(true);
  await expect(nav.getByRole('link', { name: '团队', exact: true })).toBeInViewport({ ratio: 0.9 });
  const strip = (await nav.boundingBox())!;
  expect(strip.y).toBe(0);
  expect(strip.height).toBeLessThan(60);
  // The heading is not hidden under the strip.
  await expectShown(page, '团队', { below: strip.height, near: false });
  await nav.getByRole('link', { name: '平台站点', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(nav.locator('[aria-current="location"]')).toHaveText('平台站点');
  await expectShown(page, '平台站点', { below: strip.height });
});

test('the preview of an export with long column names stays inside the Data card at any width', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-preview-'));
  try {
    const file = await downloadDemoExport(demo.url, dir);
    const page = await freshExt.context.newPage();
    await page.goto(`chrome-extension://${freshExt.extensionId}/options.html`);
    await page.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    await expect(page.getByTestId('import-columns')).toContainText('Order number ←');
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Data', exact: true }) });
    for (const width of [1200, 900, 640]) {
      await page.setViewportSize({ width, height: 900 });
      const inner = (await card.boundingBox())!;
      for (const part of [page.getByTestId('import-columns'), page.getByTestId('import-preview').locator('.preview-table')]) {
        const box = (await part.boundingBox())!;
        expect(box.x + box.width, `${width} px wide`).toBeLessThanOrEqual(inner.x + inner.width);
      }
      // Nothing wider than the window: no sideways scroll of the whole page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
