import type { MarketplaceAdapter } from '../types';
import { findEbayChatBuyer, findEbayOrderBuyer } from './buyer';
import { readEbayOrder } from './order';
import { EBAY_HOSTS, ebayPageKind, isEbayUrl } from './urls';

export const ebayAdapter: MarketplaceAdapter = {
  id: 'ebay',
  name: 'eBay Seller Hub',
  hostPatterns: EBAY_HOSTS.map((host) => `https://${host}/*`),
  matches: isEbayUrl,
  pageKind: ebayPageKind,
  findBuyer: (root, url) => (ebayPageKind(url) === 'order' ? findEbayOrderBuyer(root) : findEbayChatBuyer(root, url)),
  readOrder: (root, url) => (ebayPageKind(url) === 'order' ? readEbayOrder(root, url) : undefined),
};
