// The popup's first frame: drawn with plain DOM from Today's answer before React's code has loaded,
// in the user's language, then taken over by React in place (the same elements), never drawn twice.
import type { LaunchedExtension } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
type Kept = { firstRow?: Element };

/** One popup open, as a toolbar click makes it: who drew its first frame, and whether React kept that frame's elements. */
async function openPopup(ext: LaunchedExtension) {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const kept = window as unknown as Kept;
    new MutationObserver(() => void (kept.firstRow ??= document.querySelector('li.row') ?? undefined)).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  // Every row drawn: React has the page.
  await page.locator('section.today[aria-busy="false"]').waitFor({ timeout: 20_000 });
  const seen = await page.evaluate(() => {
    const { firstRow } = window as unknown as Kept;
    return {
      drawnBeforeReact: performance.getEntriesByName('regulars:first-frame-drawn').length === 1,
      redrawn: performance.getEntriesByName('regulars:first-frame-redrawn').length > 0,
      sameRow: firstRow !== undefined && firstRow.isConnected && firstRow === document.querySelector('li.row'),
    };
  });
  const tab = await page.getByRole('tab', { selected: true }).textContent();
  const title = await page.locator('section.today').getAttribute('aria-label');
  await page.close();
  return { ...seen, tab, title };
}

test("Today's first frame is drawn before React, in the user's language, and React takes it over in place", async ({ ext, demoImported }) => {
  expect(demoImported).toMatch(/^Imported/);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'reminders.sweep', payload: {} }));
  try {
    await updateSettings(page, { locale: 'en' });
    await openPopup(ext);
    // The popup remembers the language it showed: the next open draws its first frame at once.
    expect(await openPopup(ext)).toEqual({ drawnBeforeReact: true, redrawn: false, sameRow: true, tab: expect.stringMatching(/^Today\d+$/), title: 'Today' });

    // Another language in the settings: that open guessed the former one, so React draws it, in the new one.
    await updateSettings(page, { locale: 'zh-CN' });
    expect(await openPopup(ext)).toEqual({ drawnBeforeReact: false, redrawn: false, sameRow: true, tab: expect.stringMatching(/^今日\d+$/), title: '今日' });
    // From then on, the first frame again, in Chinese.
    expect(await openPopup(ext)).toEqual({ drawnBeforeReact: true, redrawn: false, sameRow: true, tab: expect.stringMatching(/^今日\d+$/), title: '今日' });
  } finally {
    await updateSettings(page, { locale: 'auto' });
    await page.close();
  }
});
