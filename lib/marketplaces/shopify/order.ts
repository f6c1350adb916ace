import { currencyShown, labelledValue } from '../read';
import type { CapturedOrder } from '../types';
import { findShopifyOrderBuyer } from './buyer';
import { shopifyOrderIdOf } from './urls';

// The order id from the URL (H; Shopify's order export carries it as "Id"). The total by its label,
// the only unhashed hook (L). Status badges and dates carry no stable hook: not read.
const AMOUNT_LABELS = ['Total', 'Paid', 'Paid by customer'] as const;

export function readShopifyOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = shopifyOrderIdOf(url);
  if (!orderNo) return undefined;
  const amountText = labelledValue(root, AMOUNT_LABELS);
  return { orderNo, buyer: findShopifyOrderBuyer(root), amountText, currency: currencyShown(amountText) };
}
