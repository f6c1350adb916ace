// Not an assertion of looks: pictures of the CRM practices (product categories and their cycles, the
// tiers section with benefits, gifts and points, holidays, win-back steps, benefits and points in
// the panel, the won-back and per-category reports) in English and both Chinese scripts, for a
// person to check (npm run screenshots). Kept out of `npm test` by its tag.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TIER_LADDER } from '../../lib/domain/tiers';
import { expect, test } from '../support/fixtures';
import { send } from '../support/protocol';
import { conversationOf, panelFrame } from '../support/panel';

const OUT = path.resolve('screenshots');

const BENEFITS = {
  // Diamond's is long on purpose: the tiers table and the panel must show it whole, wrapped.
  en: ['Member prices', 'Free shipping over $30', 'Free shipping · 5% off', 'Free express shipping · 10% off everything · a birthday gift · first pick of new arrivals a week early'],
  'zh-CN': ['会员价', '满 30 包邮', '包邮 · 95 折', '顺丰包邮 · 全场 9 折 · 生日礼物 · 新品提前一周优先选购 · 专属客服'],
  'zh-TW': ['會員價', '滿 30 免運', '免運 · 95 折', '宅配免運 · 全館 9 折 · 生日禮物 · 新品提前一週優先選購 · 專屬客服'],
};
const GIFTS = { en: ['', '', 'Tea sample', 'Silk pouch and a handwritten card'], 'zh-CN': ['', '', '茶叶小样', '丝绸小袋和手写卡片'], 'zh-TW': ['', '', '茶葉小樣', '絲綢小袋和手寫卡片'] };

for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
  test(`CRM practices ${locale} @screenshots`, async ({ ext, page, demo, demoImported }) => {
    expect(demoImported).toBeTruthy();
    mkdirSync(OUT, { recursive: true });
    const shot = (name: string) => path.join(OUT, `crm-${name}-${locale}.png`);
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const pick = (table: Record<string, string[]>, i: number) => Object.fromEntries(Object.entries(table).flatMap(([l, xs]) => (xs[i] ? [[l, xs[i]]] : [])));
    const ladder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s, i) => ({ ...s, benefits: pick(BENEFITS, i), gift: pick(GIFTS, i) })) };
    try {
      await send(options, 'tiers.apply', { ladder });
      await send(options, 'settings.update', { locale, timeZone: 'Asia/Singapore', authorName: 'Ana', points: { enabled: true, perUnit: 1 }, categoryCycles: { 'Luggage & Bags': { lapseDays: 365, cycleDays: 300 }, 'Womenswear & Underwear': { lapseDays: 60, cycleDays: 45 } } });
      await send(options, 'categories.apply', { rules: [{ category: 'Jewellery', skuPrefixes: ['DM-GHE', 'DM-FPN'], titleWords: ['earrings', 'necklace', '耳环'] }] });
      await send(options, 'reminders.sweep', {});

      // Options: product categories and their cycles, the tiers section (ladder, benefits, parcel gift, lapse, points), the holidays.
      await options.reload();
      const categories = options.getByTestId('categories-section');
      await expect(categories.getByTestId('category-cycle').first()).toBeVisible();
      await categories.screenshot({ path: shot('categories') });
      const tiers = options.getByTestId('tiers-section');
      await expect(tiers.getByTestId('tier-count').first()).not.toHaveText('…');
      await tiers.screenshot({ path: shot('tiers') });
      const journeys = options.locator('section.journeys');
      await expect(journeys.locator('li[data-holiday="lunarNewYear"]')).toBeVisible();
      await journeys.locator('.holidays').screenshot({ path: shot('holidays') });
      await journeys.locator('tr[data-rule="winBack"]').screenshot({ path: shot('win-back-rule') });

      // Today: the win-back steps.
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 420, height: 800 });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      const group = popup.locator('.group[data-kind="winBack"]').first();
      await expect(group).toBeVisible();
      await expect(popup.getByTestId('today-updating')).toHaveCount(0);
      await group.scrollIntoViewIfNeeded();
      await group.screenshot({ path: shot('win-back-today') });
      await popup.close();

      // The chat panel: the tier's benefits beside the badge, points and their log.
      await page.setViewportSize({ width: 1280, height: 1100 });
      await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
      const panel = await panelFrame(page);
      await expect(panel.getByTestId('tier-benefits')).toBeVisible();
      const points = panel.getByTestId('points');
      await points.getByRole('textbox').first().fill('+20');
      const reason = { en: 'Thank-you for the review', 'zh-CN': '好评返积分', 'zh-TW': '好評回饋點數' }[locale];
      await points.getByRole('textbox').nth(1).fill(reason);
      await points.getByRole('button').click();
      await expect(panel.getByTestId('points-log')).toContainText(reason);
      await expect(points.getByRole('textbox').nth(1)).toHaveValue('');
      // The panel is an extension frame in its own process: let it paint before the page is captured.
      await panel.locator('body').evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: shot('panel') });

      // Reports: won back and follow-up outcomes, and repeat purchase by category.
      const reports = await ext.context.newPage();
      await reports.setViewportSize({ width: 1280, height: 900 });
      await reports.goto(`chrome-extension://${ext.extensionId}/reports.html`);
      await reports.waitForFunction(() => document.body.dataset.ready === 'true');
      await reports.getByTestId('chart-outcomes').screenshot({ path: shot('report-outcomes') });
      await reports.getByTestId('chart-categories').screenshot({ path: shot('report-categories') });
      await reports.close();
    } finally {
      await send(options, 'categories.apply', { rules: [] }).catch(() => undefined);
      await send(options, 'tiers.apply', { ladder: DEFAULT_TIER_LADDER }).catch(() => undefined);
      await send(options, 'settings.update', { locale: 'en', categoryCycles: {}, points: { enabled: false, perUnit: 1 } }).catch(() => undefined);
      await options.close();
    }
  });
}
