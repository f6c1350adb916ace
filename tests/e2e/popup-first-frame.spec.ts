// The popup's first frame: drawn with plain DOM from Today's answer before React's code has loaded,
// in the user's language, then taken over by React in place (the same elements), never drawn twice.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { updateSettings } from '../support/settings';
import { stopBackground } from '../support/stop-worker';

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
      // React's code, the catalogue and the settings were asked for once the list's frame was painted.
      pageAfterPaint: performance.getEntriesByName('regulars:page-asked')[0]!.startTime > (globalThis as { regularsTodayPaint?: number }).regularsTodayPaint!,
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
    // The popup remembers the language it showed: the next open draws its first frame at once, and
    // asks for the rest (React's code, the catalogue, the settings) only once that frame is painted.
    const first = { drawnBeforeReact: true, redrawn: false, sameRow: true, pageAfterPaint: true };
    expect(await openPopup(ext)).toEqual({ ...first, tab: expect.stringMatching(/^Today\d+$/), title: 'Today' });

    // Another language in the settings: that open guessed the former one, so React draws it, in the new one.
    await updateSettings(page, { locale: 'zh-CN' });
    expect(await openPopup(ext)).toEqual({ drawnBeforeReact: false, redrawn: false, sameRow: true, pageAfterPaint: expect.any(Boolean), tab: expect.stringMatching(/^今日\d+$/), title: '今日' });
    // From then on, the first frame again, in Chinese.
    expect(await openPopup(ext)).toEqual({ ...first, tab: expect.stringMatching(/^今日\d+$/), title: '今日' });
  } finally {
    await updateSettings(page, { locale: 'auto' });
    await page.close();
  }
});

/**
 * The popup opened with React held back (demo build: entrypoints/popup/early.ts), once its plain
 * first frame is drawn; `loadReact` lets React come.
 */
async function openHeld(ext: LaunchedExtension, settingsPage: Page) {
  await settingsPage.evaluate(() => localStorage.setItem('regulars.test.holdReact', '1'));
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.waitForFunction(() => performance.getEntriesByName('regulars:first-frame-drawn').length === 1);
  } finally {
    await settingsPage.evaluate(() => localStorage.removeItem('regulars.test.holdReact'));
  }
  return {
    page,
    loadReact: async () => {
      await page.evaluate(() => (globalThis as { regularsLoadReact?: () => void }).regularsLoadReact?.());
      await page.locator('section.today[aria-busy="false"]').waitFor({ timeout: 20_000 });
    },
  };
}

test('the first frame looks as React draws it, and what the user does before React arrives is done once it does', async ({ ext, demoImported }) => {
  expect(demoImported).toMatch(/^Imported/);
  const settings = await ext.context.newPage();
  await settings.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await settings.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'reminders.sweep', payload: {} }));
  try {
    for (const locale of ['zh-CN', 'en']) {
      await updateSettings(settings, { locale });
      // Opened once: the popup now knows the language, and draws the first frame from the next open on.
      await openPopup(ext);
      // Pixel for pixel: the window down to the first frame's last row, before React and once it has drawn every row.
      const held = await openHeld(ext, settings);
      // Drawn from Today's answer alone (it says the language and whether setup is done): the settings come after.
      const marks = await held.page.evaluate(() => ['first-frame-drawn', 'settings-answered'].map((n) => performance.getEntriesByName(`regulars:${n}`)[0]?.startTime ?? Infinity));
      expect(marks[0]).toBeLessThan(marks[1]!);
      const lastRow = await held.page.locator('li.row[tabindex]').last().boundingBox();
      const clip = { x: 0, y: 0, width: 400, height: Math.min(600, Math.ceil(lastRow!.y + lastRow!.height)) };
      const before = await held.page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
      await held.loadReact();
      const after = await held.page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
      // Both frames beside the result (test-results/), for a person to look at.
      await test.info().attach(`first-frame-${locale}.png`, { body: before, contentType: 'image/png' });
      await test.info().attach(`react-frame-${locale}.png`, { body: after, contentType: 'image/png' });
      expect(after.equals(before), `the first frame and React's frame differ in ${locale}`).toBe(true);
      await held.page.close();
    }

    // Focus a row and act on the list before React has come: the key and the click wait, then act.
    const early = await openHeld(ext, settings);
    const rows = early.page.locator('li.row[tabindex]');
    await rows.nth(1).focus();
    await early.page.keyboard.press('k');
    const snooze = rows.first().locator('.actions').getByRole('button', { name: 'Snooze', exact: true });
    await snooze.dispatchEvent('click');
    // Nothing happened yet: focus where the user put it, no menu.
    await expect(rows.nth(1)).toBeFocused();
    await expect(snooze).toHaveAttribute('aria-expanded', 'false');
    await early.loadReact();
    // "k" moved up a row, and the snooze menu opened on the first.
    await expect(rows.first()).toBeFocused();
    await expect(snooze).toHaveAttribute('aria-expanded', 'true');
    await expect(rows.first().getByRole('group', { name: 'Snooze' })).toBeVisible();
    expect(await early.page.evaluate(() => performance.getEntriesByName('regulars:first-frame-redrawn').length)).toBe(0);
    await early.page.close();
  } finally {
    await updateSettings(settings, { locale: 'auto' });
    await settings.close();
  }
});

test("with the background's worker asleep, the popup draws Today's first screen as last answered, and never one a change has made stale", async ({ ext, demoImported }) => {
  expect(demoImported).toMatch(/^Imported/);
  const settings = await ext.context.newPage();
  await settings.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await settings.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'reminders.sweep', payload: {} }));
  const blank = await ext.context.newPage();
  await blank.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  /** The worker stopped, the popup opened with React held: its first frame's reminders, and whether they came from the kept screen. */
  const asleepFirstFrame = async () => {
    await stopBackground(blank);
    const held = await openHeld(ext, settings);
    const seen = await held.page.evaluate(() => ({
      kept: performance.getEntriesByName('regulars:today-kept').length === 1,
      ids: [...document.querySelectorAll('li.row[data-reminder]')].map((row) => row.getAttribute('data-reminder')),
    }));
    await held.loadReact();
    // React's whole list (from the woken worker) begins with the same reminders.
    const all = await held.page.locator('li.row[data-reminder]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reminder')));
    await held.page.close();
    return { ...seen, all };
  };
  try {
    await updateSettings(settings, { locale: 'en' });
    await openPopup(ext);
    const before = await asleepFirstFrame();
    expect(before.kept).toBe(true);
    expect(before.ids.length).toBeGreaterThan(1);
    expect(before.all.slice(0, before.ids.length)).toEqual(before.ids);

    // A reminder done (as the panel or another popup does it): the kept screen goes with the write,
    // so the next asleep open asks the woken worker and shows the list without it.
    const done = before.ids[0]!;
    await settings.evaluate((id) => chrome.runtime.sendMessage({ regulars: 1, name: 'reminder.done', payload: { id } }), done);
    const after = await asleepFirstFrame();
    expect(after.kept).toBe(false);
    expect(after.ids).not.toContain(done);
    expect(after.ids).toEqual(expect.arrayContaining(before.ids.slice(1)));
    // That answer is kept in turn: the next asleep open draws it at once.
    expect(await asleepFirstFrame()).toEqual({ ...after, kept: true });
  } finally {
    await updateSettings(settings, { locale: 'auto' });
    await blank.close();
    await settings.close();
  }
});
