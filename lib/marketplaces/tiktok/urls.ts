import { paramOf } from '../read';
import type { PageKind } from '../types';

// TikTok Shop Seller Center, one host per region (a match pattern cannot wildcard the middle of a
// host: seller-*.tiktok.com is invalid). seller-us / seller.tiktok.com / seller.tiktokglobalshop.com
// (unattr. manifests); seller-th (copter-TDFB/PJ-AI-count-sachet-in-packing-line); seller-vn and
// seller-my order links in public order tools (unattr.); seller.tiktokshopglobalselling.com
// (qiuuchan/shopAgent spike/tiktok/selectors.md, cross-border); Indonesia moved to
// seller-id.tokopedia.com (public order-link templates, unattr.). H for us/th/global, M for the rest.
export const TIKTOK_HOSTS = [
  'seller.tiktok.com',
  'seller-us.tiktok.com',
  'seller-uk.tiktok.com',
  'seller-my.tiktok.com',
  'seller-th.tiktok.com',
  'seller-vn.tiktok.com',
  'seller-ph.tiktok.com',
  'seller-sg.tiktok.com',
  'seller-br.tiktok.com',
  'seller-mx.tiktok.com',
  'seller.tiktokshopglobalselling.com',
  'seller.tiktokglobalshop.com',
  'seller-id.tokopedia.com',
] as const;

const HOSTS: ReadonlySet<string> = new Set(TIKTOK_HOSTS);

export function isTiktokUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && tiktokPageKind(url) !== undefined;
}

export function tiktokPageKind(url: URL): PageKind | undefined {
  // Chat: /chat/inbox/current?oec_seller_id=…&shop_region=… (qiuuchan/shopAgent selectors.md). H.
  if (/^\/chat(\/|$)/.test(url.pathname)) return 'chat';
  // Order detail: /order/detail?order_no={18 digits}&shop_region=XX (public order tools, unattr.). H.
  if (/^\/order\/detail\/?$/.test(url.pathname) && tiktokOrderNoOf(url)) return 'order';
  return undefined;
}

export function tiktokOrderNoOf(url: URL): string | undefined {
  const no = paramOf(url, ['order_no']);
  return no && /^\d+$/.test(no) ? no : undefined;
}
