import type { MarketplaceAdapter } from '../types';
import { findAmazonChatBuyer, findAmazonOrderBuyer } from './buyer';
import { readAmazonOrder } from './order';
import { AMAZON_HOSTS, amazonPageKind, isAmazonUrl } from './urls';

export const amazonAdapter: MarketplaceAdapter = {
  id: 'amazon',
  name: 'Amazon Seller Central',
  hostPatterns: AMAZON_HOSTS.map((host) => `https://${host}/*`),
  matches: isAmazonUrl,
  pageKind: amazonPageKind,
  findBuyer: (root, url) => (amazonPageKind(url) === 'order' ? findAmazonOrderBuyer(root) : findAmazonChatBuyer(root)),
  readOrder: (root, url) => (amazonPageKind(url) === 'order' ? readAmazonOrder(root, url) : undefined),
};
