import type { MarketplaceAdapter } from '../types';
import { findLazadaChatBuyer, findLazadaOrderBuyer } from './buyer';
import { readLazadaOrder } from './order';
import { LAZADA_HOSTS, isLazadaUrl, lazadaPageKind } from './urls';

export const lazadaAdapter: MarketplaceAdapter = {
  id: 'lazada',
  name: 'Lazada Seller Center',
  hostPatterns: LAZADA_HOSTS.map((host) => `https://${host}/*`),
  matches: isLazadaUrl,
  pageKind: lazadaPageKind,
  findBuyer: (root, url) => (lazadaPageKind(url) === 'order' ? findLazadaOrderBuyer(root) : findLazadaChatBuyer(root)),
  readOrder: (root, url) => (lazadaPageKind(url) === 'order' ? readLazadaOrder(root, url) : undefined),
};
