import type { OrderStatus } from '../../domain/types';
import type { CapturedOrder } from '../types';
import { findDemoOrderBuyer } from './buyer';

// The demo order page's summary list (demo/server.ts), seen 2026-11-23: data-* carries the values.
const STATUSES: readonly OrderStatus[] = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'];

export function readDemoOrder(root: ParentNode): CapturedOrder | undefined {
  const summary = root.querySelector('[data-testid="order-summary"]');
  const orderNo = summary?.querySelector('[data-testid="order-number"]')?.textContent?.trim();
  if (!summary || !orderNo) return undefined;
  const amount = summary.querySelector('[data-testid="order-amount"]');
  const status = summary.querySelector('[data-testid="order-status"]');
  const statusValue = status?.getAttribute('data-status') as OrderStatus | null;
  const date = summary.querySelector('[data-testid="order-date"]');
  // The <time datetime> when there is one; a regional page (?print=) prints the date as text only.
  const time = date?.querySelector('time') ?? (date?.tagName === 'TIME' ? date : undefined);
  return {
    orderNo,
    buyer: findDemoOrderBuyer(root),
    amountText: amount?.textContent?.trim(),
    currency: amount?.getAttribute('data-currency') ?? undefined,
    placedAtText: time?.getAttribute('datetime') ?? time?.textContent?.trim() ?? date?.textContent?.trim(),
    statusText: status?.textContent?.trim(),
    status: statusValue && STATUSES.includes(statusValue) ? statusValue : undefined,
    // The timeline's shipment line, once the order has shipped.
    carrier: root.querySelector('[data-testid="order-carrier"]')?.textContent?.trim() || undefined,
    trackingNo: root.querySelector('[data-testid="order-tracking"]')?.textContent?.trim() || undefined,
  };
}
