import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ordersCsv } from '../../demo/export';
import { demoSeed, utcMidnight } from '../../demo/seed';
import { lunarDay } from '../../lib/domain/journeys/lunar';
import { importOrdersThroughOptions } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { send } from '../support/protocol';
import { updateSettings } from '../support/settings';

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

type TodayRow = { id: string; memberName: string; kind?: string; detail?: string; state: string };

test('a win-back sequence creates its steps in Today and stops after a new order, which the report counts as won back', async ({ freshExt: ext }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-winback-'));
  try {
    // The demo's data without its web server: this test only imports its export.
    const demo = { seed: demoSeed(utcMidnight(Date.now())) };
    const buyer = demo.seed.known.lapsedGold;
    const name = demo.seed.buyers.find((b) => b.handle === buyer)!.name;
    const last = demo.seed.orders.find((o) => o.handle === buyer)!; // newest first
    const daysSince = Math.floor((Date.now() - last.placedAt) / 86_400_000);
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    // Two touches two days apart, the lapse threshold set so that both have fallen due by now.
    await updateSettings(page, { timeZone: 'Asia/Singapore', lapseDays: daysSince - 3 });
    await send(page, 'journeys.settings.update', { rules: { winBack: { steps: [0, 2] } } });
    // The demo's export written in the shop's zone, as the marketplace writes it for this shop: this
    // buyer's orders (a member's lapse and win-back depend on their orders alone).
    const theirs = demo.seed.orders.filter((o) => o.handle === buyer);
    const first = path.join(dir, 'orders.csv');
    await writeFile(first, ordersCsv({ ...demo.seed, orders: theirs }, { timeZone: 'Asia/Singapore' }));
    await importOrdersThroughOptions(ext.context, ext.extensionId, first, 'demo');

    const today = page.getByRole('tabpanel', { name: 'Today' });
    const steps = today.locator('.group[data-kind="winBack"] li.row', { hasText: name });
    // Reminders follow the import a moment later: Today, opened right after it, says it is updating
    // and asks again by itself until they are made; once it no longer says so, the list is complete.
    const settled = async () => {
      await page.reload();
      await expect(today.locator('li.row').or(today.locator('p.empty')).or(today.getByTestId('today-updating')).first()).toBeVisible();
      await expect(today.getByTestId('today-updating')).toHaveCount(0, { timeout: 20_000 });
    };
    await settled();
    await expect(steps).toHaveCount(2);
    await expect(steps.filter({ hasText: 'Win-back, touch 1/2' })).toHaveCount(1);
    await expect(steps.filter({ hasText: 'Win-back, touch 2/2' })).toHaveCount(1);

    // The first touch is made; then the buyer orders again.
    await steps.filter({ hasText: 'touch 1/2' }).getByRole('button', { name: 'Done', exact: true }).click();
    await expect(steps).toHaveCount(1);
    const again = { ...last, orderNo: '990000000000000001', status: 'paid' as const, placedAt: Date.now() + 120_000, paidAt: Date.now() + 120_000 }; // after the touch just made
    delete again.shippedAt;
    delete again.deliveredAt;
    const file = path.join(dir, 'new-order.csv');
    // The next export, filtered to this buyer: their orders again, and the new one.
    await writeFile(file, ordersCsv({ ...demo.seed, orders: [again, ...theirs] }, { timeZone: 'Asia/Singapore' }));
    await importOrdersThroughOptions(ext.context, ext.extensionId, file, 'demo');

    // The remaining touch no longer applies, and checking the rules again makes no new one.
    await settled();
    await expect(steps).toHaveCount(0);
    await send(page, 'reminders.sweep', {});
    const rows = (await send<{ rows: TodayRow[] }>(page, 'reminders.today', { locale: 'en' })).rows;
    expect(rows.filter((r) => r.kind === 'winBack' && r.memberName === name)).toEqual([]);

    // Reports: one lapsed member touched, one won back.
    await page.goto(`chrome-extension://${ext.extensionId}/reports.html`);
    const card = page.getByTestId('chart-outcomes');
    await expect(card.getByTestId('won-back')).toContainText('Won back1');
    await expect(card.locator('li[data-reason="winBack"]')).toContainText('1 / 1');
    // And the same figures as CSV: per reason touches and orders after them, then the members won back.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^regulars-report-touch-outcomes-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Reason,Touches,Ordered within 30 days,Rate');
    expect(lines).toContain('Win-back,1,1,100.0');
    expect(lines.at(-1)).toBe('Won back,1,1,100.0');
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
