// Not an assertion of looks: pictures of the panel in narrow host columns (260, 320, 400 px) for a
// person to check, plus one fact that can fail: nothing in the panel is wider than its frame.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';
import { updateSettings } from '../support/settings';

const OUT = path.resolve('screenshots');

for (const locale of ['en', 'zh-CN'] as const) {
  test(`panel in narrow columns, ${locale} @screenshots`, async ({ page, demo, ext, demoImported }) => {
    expect(demoImported).toBeTruthy();
    mkdirSync(OUT, { recursive: true });
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await updateSettings(options, { locale });
    await options.close();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('member-card')).toBeVisible();
    const frame = await panel.frameElement();
    for (const width of [260, 320, 400]) {
      await frame.evaluate((el, w) => {
        (el as HTMLElement).style.width = `${w}px`;
      }, width);
      await page.waitForTimeout(300);
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${width} px: nothing wider than the panel`).toBeLessThanOrEqual(0);
      await frame.screenshot({ path: path.join(OUT, `panel-narrow-${width}-${locale}.png`) });
    }
  });
}
