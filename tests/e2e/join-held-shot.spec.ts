// Pictures for a person to check (npm run screenshots): what the options page says when the
// reminders wait for a join's end. The join is the one a restarted worker finds in sync's own meta
// (sync/join.ts), written here as the engine writes it, so the two messages the pages show in that
// state ("Check rules now" held, a new tier ladder's reminders held) are drawn by the real pages.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { optionsPageIn } from '../support/settings';

/** Half of a team's shop has arrived: the join kept in sync's meta, as join.ts writes it. */
async function joinUnderWay(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('regulars-sync');
        open.onupgradeneeded = () => reject(new Error("sync's database does not exist yet"));
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'join', value: { total: 24_000, done: 9_600, startedAt: Date.now() - 60_000, session: 'shot' } });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const labels = {
  en: { title: 'Reminders and journeys', sweep: 'Check rules now', held: /still arriving/, tiersHeld: /moved down\. Tier-upgrade reminders will be made once the team's shop has all arrived/ },
  'zh-CN': { title: '提醒与客户旅程', sweep: '立即检查规则', held: /仍在同步/, tiersHeld: /降级。团队的店铺数据全部同步到这台电脑后/ },
} as const;

for (const locale of ['en', 'zh-CN'] as const) {
  test(`reminders held for a join, ${locale} @screenshots`, async ({ freshExt: ext }) => {
    const { page, out } = await optionsPageIn(ext, locale, { width: 1200, height: 900 });
    await joinUnderWay(page);

    const journeys = page.locator('section', { has: page.getByRole('heading', { name: labels[locale].title, exact: true }) });
    await journeys.getByRole('button', { name: labels[locale].sweep, exact: true }).click();
    await expect(journeys.getByRole('status')).toHaveText(labels[locale].held);
    await journeys.scrollIntoViewIfNeeded();
    await journeys.screenshot({ path: path.join(out, `journeys-held-${locale}.png`) });

    const tiers = page.getByTestId('tiers-section');
    await tiers.getByTestId('tiers-apply').click();
    await expect(tiers.getByTestId('tiers-status')).toHaveText(labels[locale].tiersHeld);
    await tiers.scrollIntoViewIfNeeded();
    await tiers.screenshot({ path: path.join(out, `tiers-held-${locale}.png`) });
  });
}
