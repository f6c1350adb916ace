import { NON_SPEND_STATUSES, type MemberStats, type OrderFacts, type OrderStatus } from './types';

export type BuyerKind = 'prospect' | 'new' | 'returning';

// A Set lookup per order keeps memberStats O(n) however many statuses are excluded.
const nonSpend: ReadonlySet<OrderStatus> = new Set(NON_SPEND_STATUSES);

/** Whether an order counts as an order and as spend (not unpaid, cancelled or refunded). */
export function isCountedOrder(order: OrderFacts): boolean {
  return !nonSpend.has(order.status);
}

interface CurrencyTotal {
  orders: number;
  spendMinor: number;
}

/**
 * A member's order count, spend and first/last order from their orders, in one pass.
 * Spend and average only sum orders in the member's main currency (the one most counted orders
 * use; ties go to the first seen), because minor units of different currencies cannot be added.
 * `orderCount` counts every counted order whatever its currency.
 */
export function memberStats(orders: readonly OrderFacts[], shopCurrency: string): MemberStats {
  const totals = new Map<string, CurrencyTotal>();
  let orderCount = 0;
  let firstOrderAt: number | undefined;
  let lastOrderAt: number | undefined;

  for (const order of orders) {
    if (nonSpend.has(order.status)) continue;
    orderCount += 1;
    if (firstOrderAt === undefined || order.placedAt < firstOrderAt) firstOrderAt = order.placedAt;
    if (lastOrderAt === undefined || order.placedAt > lastOrderAt) lastOrderAt = order.placedAt;

    let total = totals.get(order.currency);
    if (total === undefined) {
      total = { orders: 0, spendMinor: 0 };
      totals.set(order.currency, total);
    }
    total.orders += 1;
    total.spendMinor += order.amountMinor;
  }

  // Maps iterate in insertion order and only a strictly larger count takes over: first seen wins ties.
  let currency = shopCurrency;
  let best: CurrencyTotal | undefined;
  for (const [code, total] of totals) {
    if (best === undefined || total.orders > best.orders) {
      best = total;
      currency = code;
    }
  }

  const spendMinor = best?.spendMinor ?? 0;
  return {
    orderCount,
    spendMinor,
    currency,
    spendOrderCount: best?.orders ?? 0,
    averageOrderMinor: best === undefined ? 0 : Math.round(spendMinor / best.orders),
    firstOrderAt,
    lastOrderAt,
  };
}

/** Prospect: no counted order yet; New: exactly one; Returning: two or more. */
export function buyerKind(stats: Pick<MemberStats, 'orderCount'>): BuyerKind {
  if (stats.orderCount <= 0) return 'prospect';
  return stats.orderCount === 1 ? 'new' : 'returning';
}
