import type { MarketplaceAdapter } from '../types';
import { findTaobaoChatBuyer, findTaobaoOrderBuyer } from './buyer';
import { readTaobaoOrder } from './order';
import { TAOBAO_HOST_PATTERNS, isTaobaoUrl, taobaoPageKind } from './urls';

export const taobaoAdapter: MarketplaceAdapter = {
  id: 'taobao',
  name: 'Taobao / Tmall (Qianniu)',
  hostPatterns: TAOBAO_HOST_PATTERNS,
  matches: isTaobaoUrl,
  pageKind: taobaoPageKind,
  findBuyer: (root, url) => (taobaoPageKind(url) === 'order' ? findTaobaoOrderBuyer(root) : findTaobaoChatBuyer(root)),
  readOrder: (root, url) => (taobaoPageKind(url) === 'order' ? readTaobaoOrder(root, url) : undefined),
};
