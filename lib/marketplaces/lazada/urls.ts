import { paramOf } from '../read';
import type { PageKind } from '../types';

// Lazada Seller Center, one host per country: the six @include lines of
// beak2825/greasyfork_archives js_greasyfork/418269.js (IM bot) and its getMapSite (2020–2026). H.
// Daraz (sellercenter.daraz.pk/.com.bd) runs the same app but is another marketplace with other
// buyers; it is not claimed here.
export const LAZADA_HOSTS = [
  'sellercenter.lazada.sg',
  'sellercenter.lazada.com.my',
  'sellercenter.lazada.co.th',
  'sellercenter.lazada.vn',
  'sellercenter.lazada.com.ph',
  'sellercenter.lazada.co.id',
] as const;

const HOSTS: ReadonlySet<string> = new Set(LAZADA_HOSTS);

export function isLazadaUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && lazadaPageKind(url) !== undefined;
}

export function lazadaPageKind(url: URL): PageKind | undefined {
  // IM: /apps/im/chat; userscripts include /apps/im/* (greasyfork 418269). H.
  if (/^\/apps\/im(\/|$)/.test(url.pathname)) return 'chat';
  // Order detail: /apps/order/detail?tradeOrderId=N, the webLink of Lazada's own order notices
  // (Lazada Open Platform seller-message API example, unattr.) and several order tools. H.
  if (/^\/apps\/order\/detail\/?$/.test(url.pathname) && lazadaOrderIdOf(url)) return 'order';
  return undefined;
}

export function lazadaOrderIdOf(url: URL): string | undefined {
  const id = paramOf(url, ['tradeOrderId']);
  return id && /^\d+$/.test(id) ? id : undefined;
}
