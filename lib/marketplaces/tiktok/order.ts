import { currencyShown, labelledValue, statusFrom, type StatusWords } from '../read';
import type { CapturedOrder } from '../types';
import { findTiktokOrderBuyer } from './buyer';
import { tiktokOrderNoOf } from './urls';

// Order detail: the number from the URL (H); other fields by their English labels, the only hook
// public scripts use on this page (unattr.). L. The status words are the Seller Center's own, as its
// order export spells them (lib/import/presets/tiktok.ts).
const AMOUNT_LABELS = ['Order amount', 'Order total', 'Customer payment', 'Total'] as const;
const PLACED_LABELS = ['Order date', 'Created time', 'Placed on', 'Order created'] as const;
const STATUS_LABELS = ['Order status', 'Status'] as const;

const STATUS_WORDS: StatusWords = [
  [/refund|return/i, 'refunded'],
  [/cancel/i, 'cancelled'],
  [/unpaid|awaiting payment/i, 'unpaid'],
  [/to ship|awaiting shipment|awaiting collection|processing/i, 'paid'],
  [/delivered|completed/i, 'delivered'],
  [/shipped|in transit/i, 'shipped'],
];

export function readTiktokOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = tiktokOrderNoOf(url);
  if (!orderNo) return undefined;
  const amountText = labelledValue(root, AMOUNT_LABELS);
  const statusText = labelledValue(root, STATUS_LABELS);
  return {
    orderNo,
    buyer: findTiktokOrderBuyer(root),
    amountText,
    currency: currencyShown(amountText),
    placedAtText: labelledValue(root, PLACED_LABELS),
    statusText,
    status: statusFrom(statusText, STATUS_WORDS),
  };
}
