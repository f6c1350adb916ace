import { currencyShown, firstElement, labelledValue, textOf } from '../read';
import type { CapturedOrder } from '../types';
import { findEtsyOrderBuyer } from './buyer';
import { etsyOrderIdOf } from './urls';

// The order overlay. "Ordered 2:02am, Tue, May 5, 2026" in [data-testid="order-description"] (a 2026
// Etsy order scraper, unattr.; M); the total by its label (L). Etsy's status chips were not seen in
// public code, so no status is read.
const ORDER_PANELS = ['[class*="peek-overlay"]', '[data-clg-id="WtTabPanel"]', '.order-details-panel'] as const;
const ORDERED = /Ordered\s+(\d{1,2}:\d{2}\s*(?:am|pm),\s*\w+,\s*[A-Za-z]+\s+\d{1,2},\s*\d{4}|[A-Za-z]{3}\s+\d{1,2},?\s*\d{4})/i;
const AMOUNT_LABELS = ['Order total', 'Total'] as const;

export function readEtsyOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = etsyOrderIdOf(url);
  if (!orderNo) return undefined;
  const panel = firstElement(root, ORDER_PANELS);
  if (!panel) return { orderNo };
  const description = textOf(panel.querySelector('[data-testid="order-description"]')) || textOf(panel);
  const amountText = labelledValue(panel, AMOUNT_LABELS);
  return {
    orderNo,
    buyer: findEtsyOrderBuyer(root),
    amountText,
    currency: currencyShown(amountText),
    placedAtText: ORDERED.exec(description)?.[1],
  };
}
