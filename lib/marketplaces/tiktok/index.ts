import type { MarketplaceAdapter } from '../types';
import { findTiktokChatBuyer, findTiktokOrderBuyer } from './buyer';
import { readTiktokOrder } from './order';
import { TIKTOK_HOSTS, isTiktokUrl, tiktokPageKind } from './urls';

export const tiktokAdapter: MarketplaceAdapter = {
  id: 'tiktok',
  name: 'TikTok Shop Seller Center',
  hostPatterns: TIKTOK_HOSTS.map((host) => `https://${host}/*`),
  matches: isTiktokUrl,
  pageKind: tiktokPageKind,
  findBuyer: (root, url) => (tiktokPageKind(url) === 'order' ? findTiktokOrderBuyer(root) : findTiktokChatBuyer(root)),
  readOrder: (root, url) => (tiktokPageKind(url) === 'order' ? readTiktokOrder(root, url) : undefined),
};
