import { labelledValue } from '../read';
import type { DetectedBuyer } from '../types';

// Chat: no public code reads the current buyer of Lazada's IM page (MARKETPLACES.md, 2026; the only
// hooks known — .im-page-header-right .simple-tab .tab-item, .message-row, .im-icon-paper-plane in
// greasyfork 418269 — say nothing about who is on the other side). So the adapter reports no buyer
// and the agent points at the name once (the saved per-site rule) instead of us guessing.
export function findLazadaChatBuyer(_root: ParentNode): DetectedBuyer | undefined {
  return undefined;
}

// Order detail: Lazada shows sellers the customer's name, not a username; the only hook reported
// is the label text (copter-TDFB/PJ-AI-count-sachet-in-packing-line combined-auto-print.user.js finds
// fields by their labels, 2026). The name is the handle because it is all Lazada gives. Confidence L.
const CUSTOMER_LABELS = ['Customer Name', 'Buyer Name'] as const;

export function findLazadaOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const name = labelledValue(root, CUSTOMER_LABELS);
  return name ? { handle: name, name } : undefined;
}
