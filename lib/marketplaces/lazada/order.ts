import { currencyShown, labelledValue, statusFrom, type StatusWords } from '../read';
import type { CapturedOrder } from '../types';
import { findLazadaOrderBuyer } from './buyer';
import { lazadaOrderIdOf } from './urls';

// Lazada's order detail page has no stable ids or data hooks in public code; fields are found by
// their English labels (as copter-TDFB's print script does, 2026). Number from the URL: H. Rest: L.
const AMOUNT_LABELS = ['Order Total', 'Total Amount', 'Grand Total', 'Total'] as const;
const PLACED_LABELS = ['Order Date', 'Created At', 'Order Created', 'Order Time'] as const;
const STATUS_LABELS = ['Order Status', 'Status'] as const;

// Seller Center order tabs: Unpaid, Pending, Ready to Ship/To Ship, Shipped, Delivered, Cancelled,
// Returned/Failed Delivery (seller-facing wording, 2025–2026). L.
const STATUS_WORDS: StatusWords = [
  [/return|refund/i, 'refunded'],
  [/cancel|failed/i, 'cancelled'],
  [/unpaid/i, 'unpaid'],
  [/pending|ready to ship|to ship|packed/i, 'paid'],
  [/delivered|confirmed/i, 'delivered'],
  [/shipped|in transit/i, 'shipped'],
];

export function readLazadaOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = lazadaOrderIdOf(url);
  if (!orderNo) return undefined;
  const amountText = labelledValue(root, AMOUNT_LABELS);
  const statusText = labelledValue(root, STATUS_LABELS);
  return {
    orderNo,
    buyer: findLazadaOrderBuyer(root),
    amountText,
    currency: currencyShown(amountText),
    placedAtText: labelledValue(root, PLACED_LABELS),
    statusText,
    status: statusFrom(statusText, STATUS_WORDS),
  };
}
