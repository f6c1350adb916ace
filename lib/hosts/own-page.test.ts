import { describe, expect, it } from 'vitest';
import { openOwnPage, type OwnPageTabs, type OwnTab } from './own-page';

const BASE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function fakeTabs(open: OwnTab[], { gone = false } = {}) {
  const calls: string[] = [];
  const tabs: OwnPageTabs = {
    ours: async () => open,
    show: async (tab, url) => {
      calls.push(`show ${tab.tabId} in ${tab.windowId} at ${url}`);
      if (gone) throw new Error(`No tab with id: ${tab.tabId}.`);
    },
    open: async (url) => void calls.push(`open ${url}`),
  };
  return { tabs, calls };
}

describe('opening one of our pages at a part of it', () => {
  it('brings forward the tab that has the page open, at the part asked for, and opens no other', async () => {
    const { tabs, calls } = fakeTabs([
      { tabId: 3, windowId: 1, url: `${BASE}/members.html#/member/m1` },
      { tabId: 7, windowId: 2, url: `${BASE}/options.html` },
    ]);
    expect(await openOwnPage(`${BASE}/options.html#team`, tabs)).toBe('shown');
    expect(calls).toEqual([`show 7 in 2 at ${BASE}/options.html#team`]);
  });

  it('takes the page at another part, or with a query, as the same page, and changes only its #part (a query changed would load it anew)', async () => {
    const { tabs, calls } = fakeTabs([{ tabId: 7, windowId: 2, url: `${BASE}/options.html?streamAbove=1#tiers` }]);
    expect(await openOwnPage(`${BASE}/options.html#team`, tabs)).toBe('shown');
    expect(calls).toEqual([`show 7 in 2 at ${BASE}/options.html?streamAbove=1#team`]);
  });

  it('opens a tab when none has the page, or the one that had it closed meanwhile', async () => {
    const none = fakeTabs([{ tabId: 3, windowId: 1, url: `${BASE}/popup.html` }]);
    expect(await openOwnPage(`${BASE}/options.html#team`, none.tabs)).toBe('opened');
    expect(none.calls).toEqual([`open ${BASE}/options.html#team`]);

    const closed = fakeTabs([{ tabId: 7, windowId: 2, url: `${BASE}/options.html` }], { gone: true });
    expect(await openOwnPage(`${BASE}/options.html#team`, closed.tabs)).toBe('opened');
    expect(closed.calls).toEqual([`show 7 in 2 at ${BASE}/options.html#team`, `open ${BASE}/options.html#team`]);
  });

  it('opens a tab where the browser cannot list its pages', async () => {
    const { tabs, calls } = fakeTabs([]);
    tabs.ours = async () => {
      throw new Error('runtime.getContexts is not a function');
    };
    expect(await openOwnPage(`${BASE}/options.html#team`, tabs)).toBe('opened');
    expect(calls).toEqual([`open ${BASE}/options.html#team`]);
  });

  it('a page asked for with a ?query is shown only by a tab with the same one', async () => {
    const other = fakeTabs([{ tabId: 3, windowId: 1, url: `${BASE}/popup.html?member=m1` }]);
    expect(await openOwnPage(`${BASE}/popup.html?tab=today`, other.tabs)).toBe('opened');
    expect(other.calls).toEqual([`open ${BASE}/popup.html?tab=today`]);

    const same = fakeTabs([
      { tabId: 3, windowId: 1, url: `${BASE}/popup.html?member=m1` },
      { tabId: 5, windowId: 1, url: `${BASE}/popup.html?tab=today` },
    ]);
    expect(await openOwnPage(`${BASE}/popup.html?tab=today`, same.tabs)).toBe('shown');
    expect(same.calls).toEqual([`show 5 in 1 at ${BASE}/popup.html?tab=today`]);
  });
});
