import type { PageKind } from '../types';

// Shopify admin: admin.shopify.com/store/{store}/… now, {shop}.myshopify.com/admin/… before
// (MARKETPLACES.md; several public manifests, unattr.). *.myshopify.com is a valid pattern: the
// wildcard is at the host's start. H for the URL shapes.
export const SHOPIFY_HOST_PATTERNS = ['https://admin.shopify.com/*', 'https://*.myshopify.com/admin/*'] as const;

export function isShopifyUrl(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  if (url.hostname !== 'admin.shopify.com' && !url.hostname.endsWith('.myshopify.com')) return false;
  return shopifyPageKind(url) !== undefined;
}

export function shopifyPageKind(url: URL): PageKind | undefined {
  if (shopifyOrderIdOf(url)) return 'order';
  // Shopify Inbox, the chat app, opens inside the admin at /store/{store}/apps/inbox (and older
  // /apps/shopify-chat); its conversation renders in the app's iframe. L.
  if (url.hostname === 'admin.shopify.com' && /^\/store\/[^/]+\/apps\/(inbox|shopify-chat)(\/|$)/.test(url.pathname)) return 'chat';
  return undefined;
}

export function shopifyOrderIdOf(url: URL): string | undefined {
  const path = url.hostname === 'admin.shopify.com' ? /^\/store\/[^/]+\/orders\/(\d+)\/?$/ : /^\/admin\/orders\/(\d+)\/?$/;
  return path.exec(url.pathname)?.[1];
}
