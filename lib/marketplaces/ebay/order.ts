import { currencyShown, firstText, labelledValue } from '../read';
import type { CapturedOrder } from '../types';
import { findEbayOrderBuyer } from './buyer';
import { ebayOrderIdOf } from './urls';

// Seller Hub order details. Semantic class names from LittleZoski/Amazon-scraping-extension
// src/extractors/OrderDataExtractor.js (2025): the total the buyer paid is
// div.payment-info div.buyer-paid dl.total dd.amount div.value span.sh-bold ("$24.32"). M.
// The sale date by its label (L). eBay's order status wording was not seen in public code: not read.
const AMOUNT_SELECTORS = [
  'div.payment-info div.buyer-paid dl.total dd.amount div.value span.sh-bold',
  'div.buyer-paid dl.total .sh-bold',
] as const;
const PLACED_LABELS = ['Date sold', 'Order date', 'Purchase date'] as const;

export function readEbayOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = ebayOrderIdOf(url);
  if (!orderNo) return undefined;
  const amountText = firstText(root, AMOUNT_SELECTORS);
  return {
    orderNo,
    buyer: findEbayOrderBuyer(root),
    amountText,
    currency: currencyShown(amountText),
    placedAtText: labelledValue(root, PLACED_LABELS),
  };
}
