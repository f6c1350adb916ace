import { currencyShown, firstText, labelledValue } from '../read';
import type { CapturedOrder } from '../types';
import { findAmazonOrderBuyer } from './buyer';
import { amazonOrderIdOf } from './urls';

// Order detail (#MYO-app). data-test-id hooks seen in ~10 public scripts (unattr.):
// order-id-value, order-summary-purchase-date-value ("Tue, Apr 27, 2021, 11:45 AM PDT" /
// "2021年4月27日(火) 11:45 JST"). M. The total by its "Grand total" label (L). Amazon's status
// wording on this page was not seen in public code: not read.
const PLACED = ['[data-test-id="order-summary-purchase-date-value"]'] as const;
const ORDER_ID = ['[data-test-id="order-id-value"]'] as const;
const AMOUNT_LABELS = ['Grand total', 'Order total', 'Item total'] as const;

export function readAmazonOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = amazonOrderIdOf(url) ?? firstText(root, ORDER_ID);
  if (!orderNo) return undefined;
  const amountText = labelledValue(root, AMOUNT_LABELS);
  return {
    orderNo,
    buyer: findAmazonOrderBuyer(root),
    amountText,
    currency: currencyShown(amountText),
    placedAtText: firstText(root, PLACED),
  };
}
