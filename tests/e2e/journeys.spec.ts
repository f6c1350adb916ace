import type { Page } from '@playwright/test';
import { lunarDay } from '../../lib/domain/journeys/lunar';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
type Reply = { ok: boolean; data?: unknown; error?: { message: string } };

async function send<T>(page: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ regulars: 1, name: n, payload: p }), [name, payload] as const)) as Reply;
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.data as T;
}

/** The next Lunar New Year from today, as the options page writes it in English. */
function nextLunarNewYear(now: number): string {
  const today = Math.floor(now / 86_400_000);
  const year = new Date(now).getUTCFullYear();
  const day = [lunarDay(year, 1, 1)!, lunarDay(year + 1, 1, 1)!].find((d) => d >= today)!;
  return new Intl.DateTimeFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(day * 86_400_000);
}

test('a shop in Asia/Singapore sees Lunar New Year in its holiday list, dated for the coming year, and mixes in 618', async ({ freshExt: ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await updateSettings(page, { timeZone: 'Asia/Singapore' });
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const section = page.locator('section.journeys');
  await expect(section.getByRole('combobox', { name: 'Shop region' })).toHaveValue('SG');
  const lny = section.locator('li[data-holiday="lunarNewYear"]');
  await expect(lny.getByRole('textbox', { name: 'Name' })).toHaveAttribute('placeholder', 'Lunar New Year');
  await expect(lny.locator('.next')).toHaveText(`Next: ${nextLunarNewYear(Date.now())}`);
  await expect(section.locator('li[data-holiday="nationalDay-SG"]')).toBeVisible();

  // Mixing: a Singapore shop adds the 618 sale from the list and keeps it after saving.
  await section.getByRole('combobox', { name: 'Add a holiday…' }).selectOption('shopping618');
  await section.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(section.getByRole('status')).toHaveText('Reminder settings saved.');
  await page.reload();
  await expect(section.locator('li[data-holiday="shopping618"]')).toBeVisible();
  await expect(section.locator('li[data-holiday="lunarNewYear"]')).toBeVisible();

  await page.close();
});
