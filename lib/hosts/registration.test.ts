import { describe, expect, it } from 'vitest';
import type { MarketplaceAdapter } from '../marketplaces/types';
import { CONTENT_SCRIPT_JS, serialized, syncContentScripts, type ContentScript, type HostApis, type RegisteredScript } from './registration';
import { wooScriptId } from './woo';

function adapter(id: MarketplaceAdapter['id'], hostPatterns: string[]): MarketplaceAdapter {
  return { id, name: id, hostPatterns, matches: () => false, pageKind: () => undefined, findBuyer: () => undefined };
}

const ADAPTERS = [
  adapter('demo', ['http://127.0.0.1/*', 'http://localhost/*']),
  adapter('shopee', ['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/*']),
  adapter('lazada', ['https://sellercenter.lazada.sg/*']),
  adapter('taobao', ['https://qn.taobao.com/*', 'https://market.m.taobao.com/*']),
  adapter('woocommerce', []),
];

/** Chrome as far as the sync sees it: granted origins, registered scripts, and a log of calls. */
function fakeChrome(granted: string[], shops: string[] = []) {
  const origins = new Set(granted);
  const scripts = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  const apis: HostApis = {
    granted: async (wanted) => wanted.every((o) => origins.has(o)),
    // As Chrome 156 reports them: patterns sorted, and fields of its own added.
    registered: async () => [...scripts.values()].map((s) => ({ ...s, matches: s.matches && [...s.matches].sort(), matchOriginAsFallback: false, world: 'ISOLATED' })),
    register: async (s: ContentScript) => {
      calls.push(`register ${s.id}`);
      if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      scripts.set(s.id, { ...s });
    },
    update: async (s: ContentScript) => {
      calls.push(`update ${s.id}`);
      scripts.set(s.id, { ...s });
    },
    unregister: async (ids) => {
      calls.push(`unregister ${ids.join(',')}`);
      for (const id of ids) scripts.delete(id);
    },
    wooShops: async () => shops,
  };
  return { apis, origins, scripts, calls, shops };
}

describe('content script registration', () => {
  it('registers exactly the marketplaces whose hosts are all granted', async () => {
    const chrome = fakeChrome(['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/*', 'https://qn.taobao.com/*']);
    const result = await syncContentScripts(chrome.apis, ADAPTERS);
    expect(result.registered).toEqual(['regulars-shopee']);
    expect([...chrome.scripts.keys()]).toEqual(['regulars-shopee']);
    expect(chrome.scripts.get('regulars-shopee')).toEqual({
      id: 'regulars-shopee',
      matches: ['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/*'],
      js: [CONTENT_SCRIPT_JS],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  });

  it('never registers the demo, which the manifest already serves on loopback', async () => {
    const chrome = fakeChrome(['http://127.0.0.1/*', 'http://localhost/*']);
    expect((await syncContentScripts(chrome.apis, ADAPTERS)).registered).toEqual([]);
  });

  it('runs in every frame on Taobao, where Qianniu renders in iframes', async () => {
    const chrome = fakeChrome(['https://qn.taobao.com/*', 'https://market.m.taobao.com/*']);
    await syncContentScripts(chrome.apis, ADAPTERS);
    expect(chrome.scripts.get('regulars-taobao')?.allFrames).toBe(true);
  });

  it('unregisters a marketplace whose permission was revoked, and keeps the others', async () => {
    const chrome = fakeChrome(['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/*', 'https://sellercenter.lazada.sg/*']);
    await syncContentScripts(chrome.apis, ADAPTERS);
    chrome.origins.delete('https://seller.shopee.com.my/*');
    const result = await syncContentScripts(chrome.apis, ADAPTERS);
    expect(result).toEqual({ registered: [], updated: [], unregistered: ['regulars-shopee'], failed: [] });
    expect([...chrome.scripts.keys()]).toEqual(['regulars-lazada']);
  });

  it('is idempotent: a second sync with nothing changed calls nothing but the reads', async () => {
    // Shopee's patterns aren't in sorted order, as Chrome reports them back.
    const chrome = fakeChrome(['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/*', 'https://sellercenter.lazada.sg/*'], ['https://shop.example']);
    chrome.origins.add('https://shop.example/wp-admin/*');
    expect((await syncContentScripts(chrome.apis, ADAPTERS)).registered).toHaveLength(3);
    const before = chrome.calls.length;
    const again = await syncContentScripts(chrome.apis, ADAPTERS);
    expect(again).toEqual({ registered: [], updated: [], unregistered: [], failed: [] });
    expect(chrome.calls.slice(before)).toEqual([]);
  });

  it('updates a registered script when the adapter names other hosts after an update', async () => {
    const chrome = fakeChrome(['https://sellercenter.lazada.sg/*', 'https://sellercenter.lazada.com.my/*']);
    await syncContentScripts(chrome.apis, ADAPTERS);
    const wider = ADAPTERS.map((a) => (a.id === 'lazada' ? adapter('lazada', ['https://sellercenter.lazada.sg/*', 'https://sellercenter.lazada.com.my/*']) : a));
    const result = await syncContentScripts(chrome.apis, wider);
    expect(result.updated).toEqual(['regulars-lazada']);
    expect(chrome.scripts.get('regulars-lazada')?.matches).toEqual(['https://sellercenter.lazada.sg/*', 'https://sellercenter.lazada.com.my/*']);
  });

  it('registers each allowed WooCommerce shop in its wp-admin only', async () => {
    const chrome = fakeChrome(['https://shop.example/wp-admin/*', 'https://example.org/store/wp-admin/*'], [
      'https://shop.example',
      'https://example.org/store',
      'https://not-allowed.example',
    ]);
    const result = await syncContentScripts(chrome.apis, ADAPTERS);
    expect(result.registered).toEqual([wooScriptId('https://shop.example'), wooScriptId('https://example.org/store')]);
    expect(chrome.scripts.get(wooScriptId('https://shop.example'))?.matches).toEqual(['https://shop.example/wp-admin/*']);
    expect(chrome.scripts.get(wooScriptId('https://example.org/store'))?.matches).toEqual(['https://example.org/store/wp-admin/*']);
  });

  it('unregisters a shop removed from the list, and one whose permission is gone', async () => {
    const chrome = fakeChrome(['https://a.example/wp-admin/*', 'https://b.example/wp-admin/*'], ['https://a.example', 'https://b.example']);
    await syncContentScripts(chrome.apis, ADAPTERS);
    chrome.shops.splice(0, 1); // a.example removed from the list
    chrome.origins.delete('https://b.example/wp-admin/*');
    const result = await syncContentScripts(chrome.apis, ADAPTERS);
    expect(result.unregistered.sort()).toEqual([wooScriptId('https://a.example'), wooScriptId('https://b.example')].sort());
    expect(chrome.scripts.size).toBe(0);
  });

  it("leaves scripts that aren't ours alone", async () => {
    const chrome = fakeChrome([]);
    chrome.scripts.set('someone-else', { id: 'someone-else', matches: ['https://x.example/*'], js: ['x.js'] });
    await syncContentScripts(chrome.apis, ADAPTERS);
    expect([...chrome.scripts.keys()]).toEqual(['someone-else']);
  });

  it('one script failing to register does not stop the others', async () => {
    const chrome = fakeChrome(['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/*', 'https://sellercenter.lazada.sg/*']);
    const register = chrome.apis.register;
    chrome.apis.register = async (s) => (s.id === 'regulars-shopee' ? Promise.reject(new Error('Invalid match pattern')) : register(s));
    const result = await syncContentScripts(chrome.apis, ADAPTERS);
    expect(result.failed).toEqual([{ id: 'regulars-shopee', message: 'Invalid match pattern' }]);
    expect(result.registered).toEqual(['regulars-lazada']);
  });

  it('syncs started together run one after another, so none registers a script twice', async () => {
    const chrome = fakeChrome(['https://sellercenter.lazada.sg/*']);
    const sync = serialized(() => syncContentScripts(chrome.apis, ADAPTERS));
    const results = await Promise.all([sync(), sync(), sync()]);
    expect(results.flatMap((r) => r.failed)).toEqual([]);
    expect(chrome.calls).toEqual(['register regulars-lazada']);
  });
});
