import type { MarketplaceAdapter } from '../types';
import { demoAnchor } from './anchor';
import { findDemoChatBuyer, findDemoOrderBuyer } from './buyer';
import { demoPageKind, isDemoUrl } from './urls';

export const demoAdapter: MarketplaceAdapter = {
  id: 'demo',
  matches: isDemoUrl,
  pageKind: demoPageKind,
  findBuyer: (root, url) => (demoPageKind(url) === 'order' ? findDemoOrderBuyer(root) : findDemoChatBuyer(root)),
  anchor: (root, url) => (demoPageKind(url) === 'chat' ? demoAnchor(root) : undefined),
};
