import type { MarketplaceAdapter } from '../types';
import { findShopeeChatBuyer, findShopeeOrderBuyer } from './buyer';
import { readShopeeOrder } from './order';
import { SHOPEE_HOSTS, isShopeeUrl, shopeePageKind } from './urls';

// No anchor: the chat's right rail (#workstation) is reported only in unattributed code; the panel floats.
export const shopeeAdapter: MarketplaceAdapter = {
  id: 'shopee',
  name: 'Shopee Seller Centre',
  hostPatterns: SHOPEE_HOSTS.map((host) => `https://${host}/*`),
  matches: isShopeeUrl,
  pageKind: shopeePageKind,
  findBuyer: (root, url) => (shopeePageKind(url) === 'order' ? findShopeeOrderBuyer(root) : findShopeeChatBuyer(root)),
  readOrder: (root, url) => (shopeePageKind(url) === 'order' ? readShopeeOrder(root, url) : undefined),
};
