// Pictures of the owner's view for a person to look at (npm run screenshots); no assertion of looks.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const OUT = path.resolve('screenshots');

for (const locale of ['en', 'zh-CN'] as const) {
  test(`members page, member view and popup tab ${locale} @screenshots`, async ({ page, ext, demo, demoImported }) => {
    expect(demoImported).toBeTruthy();
    mkdirSync(OUT, { recursive: true });
    const base = `chrome-extension://${ext.extensionId}`;
    await page.goto(`${base}/members.html#/`);
    await updateSettings(page, { locale });
    await page.reload();
    await expect(page.getByTestId('rfm-overview')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, `members-overview-${locale}.png`) });

    await page.goto(`${base}/members.html#/members/rfm/atRisk`);
    await expect(page.locator('.mt-row').first()).toBeVisible();
    await page.locator('.mt-row').nth(1).getByRole('checkbox').check();
    await page.screenshot({ path: path.join(OUT, `members-table-${locale}.png`) });
    await page.locator('.table-bar .primary').click();
    await page.screenshot({ path: path.join(OUT, `members-export-${locale}.png`) });

    const card = (await page.evaluate((h) => chrome.runtime.sendMessage({ regulars: 1, name: 'member.lookup', payload: { platform: 'demo', handle: h } }), demo.seed.known.twoHandles[0])) as { data: { member: { id: string } } };
    await page.goto(`${base}/members.html#/member/${card.data.member.id}`);
    await expect(page.getByTestId('member-view')).toBeVisible();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(OUT, `member-view-${locale}.png`), fullPage: true });

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`${base}/popup.html`);
    await popup.getByRole('tab').nth(1).click();
    await expect(popup.getByTestId('rfm-overview')).toBeVisible();
    await popup.screenshot({ path: path.join(OUT, `popup-segments-${locale}.png`) });
    await popup.close();
  });
}
