// "Show Regulars on this page": from the toolbar popup or the keyboard command, on any tab.
// Where the content script isn't running (a site not enabled), the user's gesture grants
// activeTab for this one tab, and we inject it just there.

export interface TabApis {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
  injectContentScript(tabId: number): Promise<void>;
}

export const SHOW_MESSAGE = { regulars: 'show' } as const;

export type ShowOutcome = 'shown' | 'injected' | 'unavailable';

export async function showOnTab(tabId: number | undefined, url: string | undefined, apis: TabApis): Promise<ShowOutcome> {
  // Browser pages and the web store can't run extension scripts at all.
  if (tabId === undefined || !url || !/^https?:/.test(url)) return 'unavailable';
  try {
    await apis.sendMessage(tabId, SHOW_MESSAGE);
    return 'shown';
  } catch {
    // No content script there yet ("Receiving end does not exist").
  }
  try {
    await apis.injectContentScript(tabId);
    await apis.sendMessage(tabId, SHOW_MESSAGE);
    return 'injected';
  } catch {
    return 'unavailable';
  }
}

/** The real Chrome APIs behind TabApis (background and popup). */
export const chromeTabApis: TabApis = {
  sendMessage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  injectContentScript: async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  },
};
