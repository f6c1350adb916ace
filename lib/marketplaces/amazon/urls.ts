import type { PageKind } from '../types';

// Seller Central hosts, one per marketplace region: hung303mc/chrome_extension_amz_bkteam
// manifest.json content_scripts.matches (2025). H.
export const AMAZON_HOSTS = [
  'sellercentral.amazon.com',
  'sellercentral-europe.amazon.com',
  'sellercentral.amazon.co.uk',
  'sellercentral.amazon.de',
  'sellercentral.amazon.fr',
  'sellercentral.amazon.it',
  'sellercentral.amazon.es',
  'sellercentral.amazon.co.jp',
  'sellercentral.amazon.ca',
  'sellercentral.amazon.com.au',
  'sellercentral.amazon.com.mx',
] as const;

const HOSTS: ReadonlySet<string> = new Set(AMAZON_HOSTS);
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export function isAmazonUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && amazonPageKind(url) !== undefined;
}

export function amazonPageKind(url: URL): PageKind | undefined {
  // Order detail: /orders-v3/order/{3-7-7} (lingxi-zhou-dev/Amazon-Order-Auto-Filler
  // "Amazon Copy Order for LaCore.js" @match; its id is the last path segment). H.
  if (amazonOrderIdOf(url)) return 'order';
  // Buyer-Seller Messaging: the contact form /messaging/contact?orderID=…&marketplaceID=… (H,
  // MARKETPLACES.md; hung303mc's amazon_message_automation.js drives it) and the inbox /messaging/inbox (M).
  if (/^\/messaging\/(contact|inbox|thread)(\/|$)/.test(url.pathname)) return 'chat';
  return undefined;
}

export function amazonOrderIdOf(url: URL): string | undefined {
  const id = /^\/orders-v3\/order\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  return id && ORDER_ID.test(id) ? id : undefined;
}
