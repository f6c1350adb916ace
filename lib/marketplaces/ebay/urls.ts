import { paramOf } from '../read';
import type { PageKind } from '../types';

// eBay Seller Hub runs on each site's www host (a match pattern cannot wildcard the TLD).
// www.ebay.com/sh/ord: beak2825/greasyfork_archives js_greasyfork/499862.js; www.ebay.de: janek49/JS-Scripts
// gm-baselinker-ebay-order-script.js; .co.uk, .fr, .com.au in public order tools (unattr.). H for
// com/de, M for the rest. Legacy messages on mesg.ebay.com (MARKETPLACES.md). L.
export const EBAY_HOSTS = [
  'www.ebay.com',
  'www.ebay.co.uk',
  'www.ebay.de',
  'www.ebay.fr',
  'www.ebay.it',
  'www.ebay.es',
  'www.ebay.com.au',
  'www.ebay.ca',
  'www.ebay.at',
  'www.ebay.ch',
  'www.ebay.ie',
  'www.ebay.nl',
  'www.ebay.pl',
  'mesg.ebay.com',
] as const;

const HOSTS: ReadonlySet<string> = new Set(EBAY_HOSTS);

export function isEbayUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && ebayPageKind(url) !== undefined;
}

export function ebayPageKind(url: URL): PageKind | undefined {
  const path = url.pathname;
  if (url.hostname === 'mesg.ebay.com') return /^\/mesgweb\/ViewMessage/i.test(path) ? 'chat' : undefined;
  // Order detail: /sh/ord/details?orderid=NN-NNNNN-NNNNN; older links /mesh/ord/details (both in
  // many order tools, unattr.; LittleZoski/Amazon-scraping-extension reads orderid= off the URL). H.
  if (/^\/(me)?sh\/ord\/details\/?$/.test(path) && ebayOrderIdOf(url)) return 'order';
  // Messages: /cnt/ViewMessage?group_type=CORE… (also spelled viewMessage), and the contact form
  // /cnt/interact?requested={username}&itemid=… (public eBay tools, unattr.). M.
  if (/^\/cnt\/(viewmessage|interact)\/?$/i.test(path)) return 'chat';
  return undefined;
}

export function ebayOrderIdOf(url: URL): string | undefined {
  const id = paramOf(url, ['orderid', 'orderId']);
  return id && /^[0-9][0-9-]{5,}$/.test(id) ? id : undefined;
}
