// Every adapter against every site: each URL is claimed by its own adapter and no other, host
// patterns are valid and never overlap, and no adapter throws on (or finds a buyer in) another
// site's pages.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../domain/rows';
import { matchesPattern } from './match-pattern';
import { ADAPTERS } from './registry';
import { fixtureDocument } from './test-helpers';
import type { MarketplaceAdapter } from './types';

/** Example URLs per site, pages each adapter serves (chat and order where the site has both). */
const SITE_URLS: Readonly<Partial<Record<Platform, readonly string[]>>> = {
  demo: ['http://127.0.0.1:5273/chat/c12', 'http://localhost:5273/orders/577123456789012345'],
  shopee: [
    'https://seller.shopee.com.my/new-webchat/conversations',
    'https://banhang.shopee.vn/new-webchat/conversations',
    'https://seller.shopee.co.id/portal/sale/order/204417532918',
    'https://seller.shopee.com.br/portal/sale/order/155203998812',
  ],
  lazada: [
    'https://sellercenter.lazada.com.my/apps/im/chat',
    'https://sellercenter.lazada.co.th/apps/order/detail?tradeOrderId=426156492043475',
  ],
  taobao: [
    'https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message',
    'https://market.m.taobao.com/app/qn/im-history-search/index.html',
    'https://myseller.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3668803670628269143',
    'https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=279823302640051289',
    'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=1234567890123456789',
  ],
  etsy: ['https://www.etsy.com/messages/1598811234', 'https://www.etsy.com/your/orders/sold?order_id=3921781860'],
  ebay: [
    'https://www.ebay.com/cnt/ViewMessage?group_type=CORE',
    'https://www.ebay.co.uk/sh/ord/details?orderid=14-14908-12300',
    'https://mesg.ebay.com/mesgweb/ViewMessages/0',
  ],
  amazon: [
    'https://sellercentral.amazon.com/messaging/contact?orderID=113-4567890-1234567&marketplaceID=ATVPDKIKX0DER',
    'https://sellercentral.amazon.de/orders-v3/order/302-1234567-7654321',
  ],
  tiktok: [
    'https://seller-us.tiktok.com/chat/inbox/current?oec_seller_id=7494494994748966018&shop_region=US',
    'https://seller-id.tokopedia.com/order/detail?order_no=580000000000000001&shop_region=ID',
  ],
  shopify: [
    'https://admin.shopify.com/store/cedar-pine/apps/inbox',
    'https://admin.shopify.com/store/cedar-pine/orders/5801234567890',
    'https://cedar-pine.myshopify.com/admin/orders/5801234567890',
  ],
  woocommerce: [
    'https://silverstore.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1024',
    'https://silverstore.example/wp-admin/post.php?post=1024&action=edit',
  ],
};

const sites = Object.entries(SITE_URLS) as [Platform, readonly string[]][];
const siteUrls = sites.flatMap(([site, urls]) => urls.map((url) => [site, url] as const));
const byId = (id: Platform): MarketplaceAdapter => {
  const adapter = ADAPTERS.find((a) => a.id === id);
  if (!adapter) throw new Error(`no adapter ${id}`);
  return adapter;
};

const FIXTURES = ADAPTERS.flatMap((adapter) => {
  const dir = path.join(__dirname, adapter.id);
  return readdirSync(path.join(dir, 'fixtures'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ site: adapter.id, dir, name }));
});

// Chrome match patterns: scheme://host/path; "*." only at the host's start; no port; no wildcard TLD.
const MATCH_PATTERN = /^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+|localhost|127\.0\.0\.1)\/[^\s]*$/;

interface Pattern {
  scheme: string;
  host: string;
  path: string;
}

function parse(pattern: string): Pattern {
  const m = /^([^:]+):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  return { scheme: m[1] ?? '', host: m[2] ?? '', path: m[3] ?? '' };
}

function hostCovers(wild: string, host: string): boolean {
  if (wild === '*') return true;
  if (!wild.startsWith('*.')) return wild === host;
  const base = wild.slice(2);
  const plain = host.startsWith('*.') ? host.slice(2) : host;
  return plain === base || plain.endsWith(`.${base}`);
}

/** Could one URL match both patterns? Paths compare by their literal prefix before the first "*". */
function overlap(a: string, b: string): boolean {
  const p = parse(a);
  const q = parse(b);
  const schemes = p.scheme === '*' || q.scheme === '*' || p.scheme === q.scheme;
  const hosts = hostCovers(p.host, q.host) || hostCovers(q.host, p.host);
  const pre = (s: string) => s.split('*')[0] ?? '';
  const paths = pre(p.path).startsWith(pre(q.path)) || pre(q.path).startsWith(pre(p.path));
  return schemes && hosts && paths;
}

describe('no adapter claims another site’s page', () => {
  it('covers every adapter in the registry with example URLs', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual(sites.map(([site]) => site).sort());
  });

  it.each(siteUrls)('a %s URL is claimed by exactly its own adapter: %s', (site, url) => {
    const claimants = ADAPTERS.filter((a) => a.matches(new URL(url))).map((a) => a.id);
    expect(claimants).toEqual([site]);
    expect(byId(site).pageKind(new URL(url))).toBeDefined();
  });

  it.each(ADAPTERS.flatMap((adapter) => siteUrls.filter(([site]) => site !== adapter.id).map(([site, url]) => [adapter.id, site, url] as const)))(
    'the %s adapter does not claim this %s URL: %s',
    (id, _site, url) => {
      expect(byId(id).matches(new URL(url))).toBe(false);
    },
  );

  it.each(siteUrls.filter(([site]) => byId(site).hostPatterns.length > 0))('a %s URL lies inside its adapter’s host patterns: %s', (site, url) => {
    expect(byId(site).hostPatterns.some((p) => matchesPattern(p, new URL(url)))).toBe(true);
  });
});

describe('host patterns', () => {
  const patterns = ADAPTERS.flatMap((a) => a.hostPatterns.map((p) => [a.id, p] as const));

  it.each(patterns)('%s asks for a valid Chrome match pattern: %s', (_id, pattern) => {
    expect(pattern).toMatch(MATCH_PATTERN);
    expect(parse(pattern).host).not.toMatch(/\.\*$|\*[^.]|[^*]\*/); // no *.tld, no mid-host wildcard
  });

  it.each(ADAPTERS.flatMap((a, i) => ADAPTERS.slice(i + 1).map((b) => [a.id, b.id] as const)))(
    'the patterns of %s and %s never overlap',
    (a, b) => {
      for (const p of byId(a).hostPatterns) for (const q of byId(b).hostPatterns) expect(overlap(p, q), `${p} ∩ ${q}`).toBe(false);
    },
  );

  it.each([
    ['https://seller.shopee.*/*', false],
    ['https://seller-*.tiktok.com/*', false],
    ['https://*.myshopify.com/admin/*', true],
    ['https://seller.shopee.sg', false],
    ['https://seller.shopee.sg:443/*', false],
  ])('the validity check itself rejects wildcard TLDs and mid-host wildcards: %s → %s', (pattern, valid) => {
    const ok = MATCH_PATTERN.test(pattern) && !/\.\*$|\*[^.]|[^*]\*/.test(parse(pattern.includes('/', 8) ? pattern : `${pattern}/`).host);
    expect(ok).toBe(valid);
  });

  it('the overlap check itself sees a shared host', () => {
    expect(overlap('https://*.myshopify.com/admin/*', 'https://shop.myshopify.com/*')).toBe(true);
    expect(overlap('https://admin.shopify.com/*', 'https://*.myshopify.com/admin/*')).toBe(false);
  });
});

describe('no adapter throws on, or finds a buyer in, another site’s pages', () => {
  const cases = ADAPTERS.flatMap((adapter) =>
    FIXTURES.filter((f) => f.site !== adapter.id).flatMap((f) => (SITE_URLS[adapter.id] ?? []).map((url) => [adapter.id, `${f.site}/${f.name}`, url, f] as const)),
  );

  // Each page is parsed once and read by every other adapter: adapters only read the page (none
  // writes to it), and a new happy-dom window per case was most of this file's time.
  const parsed = new Map<string, Document>();
  const pageOf = (f: (typeof FIXTURES)[number]) => {
    const key = `${f.site}/${f.name}`;
    const root = parsed.get(key) ?? fixtureDocument(f.dir, f.name);
    parsed.set(key, root);
    return root;
  };

  it.each(cases)('%s on %s read as %s', (id, _fixture, url, f) => {
    const adapter = byId(id);
    const root = pageOf(f);
    const u = new URL(url);
    expect(() => adapter.findBuyer(root, u)).not.toThrow();
    expect(() => adapter.readOrder?.(root, u)).not.toThrow();
    expect(() => adapter.anchor?.(root, u)).not.toThrow();
    expect(adapter.findBuyer(root, u)).toBeUndefined();
  });
});
