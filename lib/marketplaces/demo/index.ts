import type { MarketplaceAdapter } from '../types';
import { demoAnchor } from './anchor';
import { findDemoChatBuyer, findDemoOrderBuyer } from './buyer';
import { readDemoOrder } from './order';
import { demoPageKind, isDemoUrl } from './urls';

export const demoAdapter: MarketplaceAdapter = {
  id: 'demo',
  name: 'Demo Market',
  hostPatterns: ['http://127.0.0.1/*', 'http://localhost/*'],
  matches: isDemoUrl,
  pageKind: demoPageKind,
  findBuyer: (root, url) => (demoPageKind(url) === 'order' ? findDemoOrderBuyer(root) : findDemoChatBuyer(root)),
  readOrder: (root, url) => (demoPageKind(url) === 'order' ? readDemoOrder(root) : undefined),
  anchor: (root, url) => (demoPageKind(url) === 'chat' ? demoAnchor(root) : undefined),
};
