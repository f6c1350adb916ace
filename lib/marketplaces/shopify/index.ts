import type { MarketplaceAdapter } from '../types';
import { findShopifyChatBuyer, findShopifyOrderBuyer } from './buyer';
import { readShopifyOrder } from './order';
import { SHOPIFY_HOST_PATTERNS, isShopifyUrl, shopifyPageKind } from './urls';

export const shopifyAdapter: MarketplaceAdapter = {
  id: 'shopify',
  name: 'Shopify admin',
  hostPatterns: SHOPIFY_HOST_PATTERNS,
  matches: isShopifyUrl,
  pageKind: shopifyPageKind,
  findBuyer: (root, url) => (shopifyPageKind(url) === 'order' ? findShopifyOrderBuyer(root) : findShopifyChatBuyer(root)),
  readOrder: (root, url) => (shopifyPageKind(url) === 'order' ? readShopifyOrder(root, url) : undefined),
};
