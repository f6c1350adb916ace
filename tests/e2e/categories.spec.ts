// Product categories, lapse per category, tier benefits and points, on the imported demo store
// (its TikTok-style export carries each item's Product Category).
import type { Page } from '@playwright/test';
import { expectedStats } from '../../demo/seed';
import { DEFAULT_TIER_LADDER, tierForStats } from '../../lib/domain/tiers';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const BAGS = 'Luggage & Bags';
const WOMEN = 'Womenswear & Underwear';

/** A protocol message from an extension page, as the options page sends it; throws on a refusal. */
async function send(page: Page, name: string, payload: unknown): Promise<unknown> {
  const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ regulars: 1, name: n, payload: p }), [name, payload] as const)) as { ok: boolean; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply;
}

test.describe('categories, benefits and points in the chat panel', () => {
  test.beforeEach(async ({ demoImported }) => {
    expect(demoImported).toMatch(/^Imported \d+ orders/);
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
