// Product categories, lapse per category, tier benefits and points, on the imported demo store
// (its TikTok-style export carries each item's Product Category).
import { readFileSync } from 'node:fs';
import { expectedStats } from '../../demo/seed';
import { DEFAULT_TIER_LADDER, tierForStats } from '../../lib/domain/tiers';
import { expect, test } from '../support/fixtures';
import { send } from '../support/protocol';
import { conversationOf, panelFrame } from '../support/panel';

const BAGS = 'Luggage & Bags';
const WOMEN = 'Womenswear & Underwear';

test.describe('categories, benefits and points in the chat panel', () => {
  test.beforeEach(async ({ demoImported }) => {
    expect(demoImported).toMatch(/^Imported [\d,]+ orders: [\d,]+ new members?, [\d,]+ existing members? matched/);
  });

  test('two categories with different cycles decide one buyer’s lapse: active while the slow one runs, lapsed once both are past', async ({ ext, page, demo }) => {
    // Kok Wei bought a wallet (Luggage & Bags) about 261 days ago and a jacket (Womenswear) about 88 days ago.
    const handle = demo.seed.known.unpaid;
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    try {
      await send(options, 'settings.update', { lapseDays: 90, categoryCycles: { [BAGS]: { lapseDays: 365, cycleDays: 300 }, [WOMEN]: { lapseDays: 60, cycleDays: 45 } } });
      await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
      const panel = await panelFrame(page);
      const list = panel.getByTestId('category-lapse');
      await expect(list.locator(`[data-category="${WOMEN}"]`)).toHaveAttribute('data-lapsed', 'true');
      await expect(list.locator(`[data-category="${BAGS}"]`)).toHaveAttribute('data-lapsed', 'false');
      // Still active: the bags' year-long cycle has about 104 days to go.
      await expect(panel.getByTestId('lapse')).toHaveText(/^Active · lapses in (10[2-6]) days$/);

      // With a shop-wide 90 days alone the same buyer would be active too (88 days): a shorter bag cycle tips them over.
      await send(options, 'settings.update', { categoryCycles: { [BAGS]: { lapseDays: 200, cycleDays: 150 }, [WOMEN]: { lapseDays: 60, cycleDays: 45 } } });
      await page.reload();
      const again = await panelFrame(page);
      await expect(again.getByTestId('category-lapse').locator(`[data-category="${BAGS}"]`)).toHaveAttribute('data-lapsed', 'true');
      await expect(again.getByTestId('lapse')).toHaveText(/^Lapsed · 8[6-9] days without an order$/);
    } finally {
      await send(options, 'settings.update', { categoryCycles: {} }).catch(() => undefined);
      await options.close();
    }
  });

  test('the panel shows the tier’s benefits beside the badge and the points, and an agent adjusts points with a reason', async ({ ext, page, demo }) => {
    const handle = demo.seed.known.champion;
    const want = expectedStats(demo.seed, [handle]);
    const tier = tierForStats(DEFAULT_TIER_LADDER, want);
    const ladder = {
      ...DEFAULT_TIER_LADDER,
      steps: DEFAULT_TIER_LADDER.steps.map((s) => ({ ...s, benefits: { en: `${s.name}: free shipping, ${s.id === 'regular' ? 0 : 5}% off`, 'zh-CN': `${s.name}：包邮` } })),
    };
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    try {
      await send(options, 'tiers.apply', { ladder });
      await send(options, 'settings.update', { points: { enabled: true, perUnit: 2 }, authorName: 'Ana', locale: 'en' });
      await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
      const panel = await panelFrame(page);
      await expect(panel.getByTestId('tier')).toHaveText(tier.name);
      await expect(panel.getByTestId('tier-benefits')).toContainText(`${tier.name}: free shipping, 5% off`);
      const earned = Math.floor((want.spendMinor / 100) * 2);
      await expect(panel.getByTestId('stat-points')).toHaveText(earned.toLocaleString('en'));

      const points = panel.getByTestId('points');
      await points.getByLabel('Points (+ or −)').fill('+50');
      await points.getByLabel('Reason').fill('Birthday gift');
      await points.getByRole('button', { name: 'Adjust' }).click();
      await expect(points.getByRole('status')).toHaveText('Points adjusted: +50.');
      await expect(panel.getByTestId('stat-points')).toHaveText((earned + 50).toLocaleString('en'));
      await expect(panel.getByTestId('points-log')).toContainText('+50 · Birthday gift — Ana');

      // Taking more than the member has is refused, and says so.
      await points.getByLabel('Points (+ or −)').fill(String(-(earned + 51)));
      await points.getByLabel('Reason').fill('Redeemed');
      await points.getByRole('button', { name: 'Adjust' }).click();
      await expect(points.getByRole('status')).toContainText('fewer than none');
      await expect(panel.getByTestId('stat-points')).toHaveText((earned + 50).toLocaleString('en'));
    } finally {
      await send(options, 'tiers.apply', { ladder: DEFAULT_TIER_LADDER }).catch(() => undefined);
      await send(options, 'settings.update', { points: { enabled: false, perUnit: 1 } }).catch(() => undefined);
      await options.close();
    }
  });
});

test('the panel shows the carrier and tracking number the export gave a shipped order', async ({ page, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const handle = demo.seed.known.champion;
  // The panel lists the member's five newest orders: one of them that the export says has shipped.
  const recent = demo.seed.orders.filter((o) => o.handle === handle).sort((a, b) => b.placedAt - a.placedAt).slice(0, 5);
  const shipped = recent.find((o) => o.trackingId && o.shippedAt !== undefined)!;
  expect(shipped).toBeDefined();
  await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('recent-orders').getByTestId('order-shipment').filter({ hasText: shipped.trackingId! })).toHaveText(`${shipped.carrier} · ${shipped.trackingId}`);
});

test('with points on, the members table has a Points column to sort by and the segment builder filters on the balance', async ({ ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  try {
    await send(page, 'settings.update', { points: { enabled: true, perUnit: 1 } });
    await page.goto(`chrome-extension://${ext.extensionId}/members.html#/members`);
    const column = page.getByRole('columnheader', { name: 'Points', exact: true });
    await column.getByRole('button').click();
    await expect(column).toHaveAttribute('aria-sort', 'descending');
    const shown = async () => (await page.locator('.mt-row .c-points').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
    const points = await shown();
    expect(points.length).toBeGreaterThan(5);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    const top = points[0]!;
    const topName = await page.locator('.mt-row .c-name').first().innerText();

    // At least the top balance: the top member(s) alone; below it: everyone else.
    await page.getByLabel('Points balance: at least').fill(String(top));
    const ties = points.filter((p) => p === top).length;
    await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', String(ties));
    await expect(page.locator('.mt-row .c-name').first()).toHaveText(topName);
    await page.getByLabel('Points balance: at least').fill('');
    await page.getByLabel('Points balance: at most').fill(String(top - 1));
    await expect(page.locator('.mt-row .c-name', { hasText: topName })).toHaveCount(0);
    expect(Math.max(...(await shown()))).toBeLessThan(top);
  } finally {
    await send(page, 'settings.update', { points: { enabled: false, perUnit: 1 } }).catch(() => undefined);
    await page.close();
  }
});

test('the reports break repeat purchase down by category, drawn and as CSV', async ({ ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/reports.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const bars = page.getByTestId('category-bars');
  await expect(bars.locator(`[data-category="${WOMEN}"]`)).toContainText(/\d+%/);
  await expect(bars.locator(`[data-category="${BAGS}"]`)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-categories').getByTestId('csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^regulars-report-categories-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Category,Buyers,Bought again,Repeat-purchase rate (%),Repeat purchases,Median days between orders,Suggested lapse (days),Suggested cycle (days),Lapse in use (days)');
  const women = lines.find((l) => l.startsWith(WOMEN))!.split(',');
  expect(Number(women[1])).toBeGreaterThan(Number(women[2]));
  expect(Number(women[3])).toBeGreaterThan(0);
  // The options page shows the same figures per category (the report the background keeps).
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const cycle = page.getByTestId('categories-section').locator(`[data-testid="category-cycle"][data-category="${WOMEN}"]`);
  await expect(cycle).toContainText(`Buyers ${Number(women[1]).toLocaleString('en')} ·`);
  const [lapse, cycleDays, median, repeats] = [women[6], women[7], women[5], women[4]].map(Number);
  await expect(cycle.getByTestId('category-suggestion')).toHaveText(
    women[6] ? `Suggested ${lapse} / ${cycleDays} d · median ${median} d from ${repeats!.toLocaleString('en')} repeat purchases` : /^Too few/,
  );
  await page.close();
});
