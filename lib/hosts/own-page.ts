// One of our own pages opened at a part of it (the settings at Team, from the popup's team line; a
// member, from a reminder's notification; Today, from a greeting's): a tab already showing that page
// is brought forward and moved to the part asked for, where each click opened one more tab. Only a
// change of its address's #part, which the page takes in place: nothing it holds (a form being
// filled) is lost.

export interface OwnTab {
  tabId: number;
  windowId: number;
  url: string;
}

export interface OwnPageTabs {
  /** The tabs showing one of the extension's own pages. */
  ours(): Promise<OwnTab[]>;
  /** Brings the tab forward in its window, and its window to the front, at `url`. */
  show(tab: OwnTab, url: string): Promise<void>;
  open(url: string): Promise<void>;
}

export type OwnPageOutcome = 'shown' | 'opened';

/** `url` is a page of ours with its #part: shown in a tab that has that page open, or opened in a new one. */
export async function openOwnPage(url: string, tabs: OwnPageTabs): Promise<OwnPageOutcome> {
  const page = pageOf(url);
  // A ?query asked for is part of the page (the popup's Today as a tab, popup.html?tab=today): only a
  // tab with the same one shows it. Without one, a tab of the page with any query does.
  const { search } = new URL(url);
  const tab = (await tabs.ours().catch(() => [])).find((t) => pageOf(t.url) === page && (!search || new URL(t.url).search === search));
  if (tab) {
    try {
      // Its own address but for the #part: a change of that alone is taken in place, not loaded anew.
      await tabs.show(tab, `${tab.url.replace(/#.*$/, '')}${new URL(url).hash}`);
      return 'shown';
    } catch {
      // Closed meanwhile: a new one below.
    }
  }
  await tabs.open(url);
  return 'opened';
}

/** The address without its #part and ?query: the page it shows. */
const pageOf = (url: string) => {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
};

/**
 * The browser's tabs: runtime.getContexts (Chrome 116) lists our pages' tabs without the tabs
 * permission; where it is missing (Firefox), every call opens a tab as before.
 */
export const browserOwnPageTabs: OwnPageTabs = {
  ours: async () => {
    if (typeof browser.runtime.getContexts !== 'function') return [];
    const contexts = await browser.runtime.getContexts({ contextTypes: ['TAB'] });
    return contexts.flatMap((c) => (c.tabId >= 0 && c.documentUrl ? [{ tabId: c.tabId, windowId: c.windowId, url: c.documentUrl }] : []));
  },
  show: async ({ tabId, windowId }, url) => {
    await browser.tabs.update(tabId, { url, active: true });
    await browser.windows.update(windowId, { focused: true });
  },
  open: async (url) => void (await browser.tabs.create({ url })),
};
