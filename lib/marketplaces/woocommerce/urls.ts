import type { PageKind } from '../types';

// WooCommerce is self-hosted: no fixed host, so no host patterns of our own. The shop's host is
// asked for when the user enables it, and matches() accepts any https host (it only ever runs on
// hosts the user enabled). Order edit URLs, from woocommerce/woocommerce
// src/Internal/Admin/Orders/PageController.php (HPOS) and WordPress core (legacy post edit). H.
export const WOOCOMMERCE_HOST_PATTERNS: readonly string[] = [];

export function isWoocommerceUrl(url: URL): boolean {
  return url.protocol === 'https:' && woocommercePageKind(url) !== undefined;
}

export function woocommercePageKind(url: URL): PageKind | undefined {
  return woocommerceOrderIdOf(url) ? 'order' : undefined;
}

/**
 * HPOS: …/wp-admin/admin.php?page=wc-orders&action=edit&id=N. Legacy: …/wp-admin/post.php?post=N&action=edit
 * — the URL cannot tell an order from a blog post there, so readOrder/findBuyer also need #order_data.
 * A site may live in a subdirectory (/shop/wp-admin/…).
 */
export function woocommerceOrderIdOf(url: URL): string | undefined {
  const q = url.searchParams;
  if (q.get('action') !== 'edit') return undefined;
  let id: string | null = null;
  if (/\/wp-admin\/admin\.php$/.test(url.pathname) && q.get('page') === 'wc-orders') id = q.get('id');
  else if (/\/wp-admin\/post\.php$/.test(url.pathname)) id = q.get('post');
  return id && /^\d+$/.test(id) ? id : undefined;
}
