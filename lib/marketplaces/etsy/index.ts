import type { MarketplaceAdapter } from '../types';
import { findEtsyChatBuyer, findEtsyOrderBuyer } from './buyer';
import { readEtsyOrder } from './order';
import { ETSY_HOST_PATTERNS, etsyPageKind, isEtsyUrl } from './urls';

// No anchor: the one place reported (AcierDev/Etsy-Chat- content.js, beside [aria-label="Quick replies"])
// is inside the composer, not a column; the panel floats.
export const etsyAdapter: MarketplaceAdapter = {
  id: 'etsy',
  name: 'Etsy',
  hostPatterns: ETSY_HOST_PATTERNS,
  matches: isEtsyUrl,
  pageKind: etsyPageKind,
  findBuyer: (root, url) => (etsyPageKind(url) === 'order' ? findEtsyOrderBuyer(root) : findEtsyChatBuyer(root)),
  readOrder: (root, url) => (etsyPageKind(url) === 'order' ? readEtsyOrder(root, url) : undefined),
};
