import type { PageKind } from '../types';

// Shopee Seller Centre hosts, one per country (a match pattern cannot wildcard the TLD). Sources:
// gucci1119/shopee-compare shopee-chat-ingest.user.js @match list (2026); vannvan/adoerww
// electron-shopee-chat conf/site.js; seller.shopee.com from mzainulirfan/packcam
// apps/shopee-extension/content.js isShopeeSellerHostname (2026). Confidence H for the list, M for .com.
export const SHOPEE_HOSTS = [
  'seller.shopee.co.id',
  'seller.shopee.com.my',
  'seller.shopee.co.th',
  'seller.shopee.sg',
  'seller.shopee.ph',
  'seller.shopee.tw',
  'seller.shopee.com.br',
  'seller.shopee.vn',
  'banhang.shopee.vn',
  'seller.shopee.cn',
  'seller.shopee.com',
] as const;

const HOSTS: ReadonlySet<string> = new Set(SHOPEE_HOSTS);

export function isShopeeUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && shopeePageKind(url) !== undefined;
}

export function shopeePageKind(url: URL): PageKind | undefined {
  // Chat: /new-webchat/conversations now, /webchat/conversations before; no conversation id in the
  // URL (packcam tests pathname.startsWith('/new-webchat/'), 2026). H.
  if (/^\/(new-)?webchat(\/|$)/.test(url.pathname)) return 'chat';
  // Order detail: /portal/sale/order/{order_id}, Shopee's internal numeric id (the list's cards link
  // there; Shopee BR DOM notes, 2026-10-08, unattr.). The list itself is /portal/sale/order?type=…. H.
  if (/^\/portal\/sale\/order\/\d+\/?$/.test(url.pathname)) return 'order';
  return undefined;
}

/** Shopee's internal order id from the detail URL (not the Order ID/SN buyers and exports use). */
export function shopeeOrderIdOf(url: URL): string | undefined {
  return /^\/portal\/sale\/order\/(\d+)\/?$/.exec(url.pathname)?.[1];
}
