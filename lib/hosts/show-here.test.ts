import { describe, expect, it } from 'vitest';
import { showOnTab, type TabApis } from './show-here';

function fakeTabs(hasScript: boolean, canInject = true) {
  const calls: string[] = [];
  let running = hasScript;
  const apis: TabApis = {
    sendMessage: async (tabId) => {
      calls.push(`send ${tabId}`);
      if (!running) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    },
    injectContentScript: async (tabId) => {
      calls.push(`inject ${tabId}`);
      if (!canInject) throw new Error('Cannot access contents of the page');
      running = true;
    },
  };
  return { apis, calls };
}

describe('show Regulars on this page', () => {
  it('a tab whose content script runs is just told to show the panel', async () => {
    const { apis, calls } = fakeTabs(true);
    expect(await showOnTab(7, 'https://seller.example/inbox', apis)).toBe('shown');
    expect(calls).toEqual(['send 7']);
  });

  it('a tab without it gets the script injected for this once, then shown', async () => {
    const { apis, calls } = fakeTabs(false);
    expect(await showOnTab(7, 'https://seller.example/inbox', apis)).toBe('injected');
    expect(calls).toEqual(['send 7', 'inject 7', 'send 7']);
  });

  it.each([
    ['a browser page', 'chrome://extensions/', true],
    ['a page that refuses scripts', 'https://chromewebstore.google.com/', false],
  ])('%s is reported as unavailable', async (_name, url, canInject) => {
    const { apis } = fakeTabs(false, canInject);
    expect(await showOnTab(7, url, apis)).toBe('unavailable');
  });
});
