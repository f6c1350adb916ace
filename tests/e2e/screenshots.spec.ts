// Not an assertion of looks: it saves pictures of each screen for a person to check
// (npm run screenshots). Kept out of `npm test` by its tag.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';
import { updateSettings } from '../support/settings';

const OUT = path.resolve('screenshots');

for (const locale of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`panel ${locale} ${scheme} @screenshots`, async ({ page, demo, ext, demoImported }) => {
      expect(demoImported).toBeTruthy();
      mkdirSync(OUT, { recursive: true });
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await updateSettings(options, { locale, authorName: 'Ana' });
      await options.close();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
      const panel = await panelFrame(page);
      await expect(panel.getByTestId('member-card')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `panel-${locale}-${scheme}.png`) });
    });
  }
}
