// One Chromium per Playwright worker serves every test that asks for a fresh extension: between
// tests its store and browser-side state are wiped and its service worker stopped, so the next
// test meets the extension as a new profile has it (first run answered), without launching
// Chromium again.
import type { BrowserContext, Page } from '@playwright/test';
import type { LaunchedExtension } from './extension';
import { send } from './protocol';
import { stopBackground } from './stop-worker';

declare const chrome: {
  runtime: { getManifest(): { host_permissions?: string[] } };
  permissions: { getAll(): Promise<{ origins?: string[] }>; remove(p: { origins: string[] }): Promise<boolean> };
  scripting: { getRegisteredContentScripts(): Promise<unknown[]>; unregisterContentScripts(): Promise<void> };
  alarms: { clearAll(): Promise<boolean> };
  storage: { local: { clear(): Promise<void> }; session: { clear(): Promise<void> } };
  notifications: { getAll(): Promise<Record<string, unknown>>; clear(id: string): Promise<boolean> };
  action: { setBadgeText(d: { text: string }): Promise<void> };
};

/** What the extension keeps outside its origin's storage, wiped from one of its pages. */
async function wipeBrowserSide(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(async () => {
    // Optional host access a test granted (the manifest's own host permissions can't be removed).
    const required = new Set(chrome.runtime.getManifest().host_permissions ?? []);
    const optional = ((await chrome.permissions.getAll()).origins ?? []).filter((origin) => !required.has(origin));
    if (optional.length) await chrome.permissions.remove({ origins: optional });
    if ((await chrome.scripting.getRegisteredContentScripts()).length) await chrome.scripting.unregisterContentScripts();
    await chrome.alarms.clearAll();
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    await Promise.all(Object.keys(await chrome.notifications.getAll()).map((id) => chrome.notifications.clear(id)));
    await chrome.action.setBadgeText({ text: '' });
  });
}

/**
 * Every tab of the last test closed but one, which shows the extension's manifest: an extension page
 * that runs none of our scripts. Moving a tab left open costs a third of a second less than opening
 * one (measured: a reset took 0.61–0.64 s against 0.82–0.95 s). Init scripts and listeners a test gave
 * that tab stay with it until the reset closes it, and run in the manifest page: the suite's on pages a
 * fresh-extension test leaves open only watch the page's own elements. A test whose init script changes
 * the extension's APIs (tiers-reports.spec.ts fails settings.update) closes that page itself.
 */
async function manifestPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const [kept, ...others] = context.pages();
  await Promise.all(others.map((page) => page.close()));
  // What a test set on the context itself: served routes (marketplaces) and request recorders (privacy).
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  context.removeAllListeners('request');
  const url = `chrome-extension://${extensionId}/manifest.json`;
  if (kept) {
    try {
      await kept.unrouteAll({ behavior: 'ignoreErrors' });
      await kept.goto(url);
      return kept;
    } catch {
      await kept.close().catch(() => undefined);
    }
  }
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Makes `ext` as a freshly launched one: every tab closed, the context's routes and request
 * listeners dropped; host access, registered scripts, alarms,
 * notifications, badge, the extension's storage, the store and the HTTP cache gone; the background started anew
 * (its memory, clock and keepers with it); the first-run questions answered again, unless firstRun
 * is 'leave' (they are then asked, as in a new profile).
 */
export async function resetExtension(ext: LaunchedExtension, { firstRun }: { firstRun?: 'leave' | undefined } = {}): Promise<void> {
  const { context, extensionId } = ext;
  const blank = await manifestPage(context, extensionId);
  try {
    await wipeBrowserSide(blank);
    // Stopped, it can write nothing more into the store being wiped (no timer of it survives).
    await stopBackground(blank);
    const cdp = await context.newCDPSession(blank);
    // Not 'all': that would take the service worker's registration too, and the extension with it.
    await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionId}`, storageTypes: 'indexeddb,local_storage,cache_storage,file_systems' });
    // The HTTP cache too: a new profile has none, and what an earlier test fetched (a team server's
    // answers) would come back from it, revalidated, in far fewer bytes than the server sends.
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    await context.clearCookies();
    if (firstRun === 'leave') return;
    // The first run answered as launchWithExtension's answerFirstRun does (USD, the browser's zone), by
    // the message the options page sends: a test of the first run itself launches its own browser.
    const settings = await send<{ locale: string; authorName: string }>(blank, 'settings.get', {});
    const timeZone = await blank.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await send(blank, 'settings.update', { shopCurrency: 'USD', timeZone, authorName: settings.authorName, locale: settings.locale, setupAt: Date.now() });
  } finally {
    await blank.close();
  }
}
