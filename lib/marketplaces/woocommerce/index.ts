import type { MarketplaceAdapter } from '../types';
import { woocommerceAnchor } from './anchor';
import { findWoocommerceBuyer } from './buyer';
import { readWoocommerceOrder } from './order';
import { WOOCOMMERCE_HOST_PATTERNS, isWoocommerceUrl, woocommercePageKind } from './urls';

// WooCommerce has no buyer chat: its only page is the order edit screen.
export const woocommerceAdapter: MarketplaceAdapter = {
  id: 'woocommerce',
  name: 'WooCommerce',
  hostPatterns: WOOCOMMERCE_HOST_PATTERNS,
  matches: isWoocommerceUrl,
  pageKind: woocommercePageKind,
  findBuyer: (root) => findWoocommerceBuyer(root),
  readOrder: (root, url) => readWoocommerceOrder(root, url),
  anchor: (root) => woocommerceAnchor(root),
};
