// The key screens walked in a Chinese locale (options, panel, popup, members, reports): what each
// shows of the English catalogue, and which Latin sentences it shows at all.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { conversationOf, panelFrame } from './panel';
import { updateSettings } from './settings';
import { englishOn, latinSentencesOn, shopNames } from './english';

export async function walkScreens(locale: 'zh-CN' | 'zh-TW', page: Page, extensionId: string, demo: { url: string; seed: { known: { champion: string }; conversations: { id: string; handle: string }[] } }, shot: (target: Page, name: string) => Promise<void>) {
  const base = `chrome-extension://${extensionId}`;
  const found: Record<string, string[]> = {};
  const latin: Record<string, string[]> = {};

  await page.goto(`${base}/options.html`);
  await updateSettings(page, { locale });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  const names = await shopNames(page);
  found.options = await englishOn(page);
  latin.options = await latinSentencesOn(page, names);
  await shot(page, 'options');
  await page.locator('section[aria-labelledby="backup-h"]').scrollIntoViewIfNeeded();
  await shot(page, 'options-backup');

  await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('member-card')).toBeVisible();
  await page.waitForTimeout(300);
  found.panel = await englishOn(panel);
  latin.panel = await latinSentencesOn(panel, names);
  await shot(page, 'panel');

  await page.goto(`${base}/popup.html`);
  await expect(page.getByRole('tab').first()).toBeVisible();
  await page.waitForTimeout(300);
  found.popup = await englishOn(page);
  latin.popup = await latinSentencesOn(page, names);
  await shot(page, 'popup-today');

  await page.goto(`${base}/members.html#/members`);
  await expect(page.locator('.mt-row').first()).toBeVisible();
  found.members = await englishOn(page);
  latin.members = await latinSentencesOn(page, names);
  await shot(page, 'members');

  await page.goto(`${base}/reports.html`);
  await expect(page.locator('canvas, svg').first()).toBeVisible();
  await page.waitForTimeout(500);
  found.reports = await englishOn(page);
  latin.reports = await latinSentencesOn(page, names);
  await shot(page, 'reports');
  return { found, latin };
}
