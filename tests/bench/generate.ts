// Deterministic synthetic shops for benchmarks: N members, M orders, realistic skew.
import { mulberry32 } from '../../demo/seed';
import type { ImportedOrder } from '../../lib/domain/imported-order';

const DAY = 86_400_000;
const STATUSES = ['delivered', 'delivered', 'delivered', 'delivered', 'shipped', 'paid', 'unpaid', 'cancelled', 'refunded'] as const;

export function benchHandle(i: number): string {
  return `buyer${i.toString(36)}`;
}

/** Orders for `members` buyers, `orders` in all; every buyer gets at least one. Newest ~now. */
export function benchOrders(members: number, orders: number, now: number, seed = 42): ImportedOrder[] {
  const rand = mulberry32(seed);
  const rows: ImportedOrder[] = [];
  for (let i = 0; i < orders; i++) {
    // The first pass gives everyone one order; the rest lean towards a core of regulars.
    const m = i < members ? i : Math.floor(Math.pow(rand(), 2.2) * members);
    const placedAt = now - Math.floor(rand() * 730 * DAY);
    const amountMinor = 500 + Math.floor(rand() * 30000);
    const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
    rows.push({
      platform: 'demo',
      orderNo: `B${(1_000_000_000 + i).toString()}`,
      buyer: { handle: benchHandle(m), name: `Buyer ${m}`, phone: `+65${(80000000 + m).toString()}` },
      amountMinor,
      currency: 'USD',
      status,
      placedAt,
      paidAt: placedAt + 3_600_000,
      // Shipped a day after payment, delivered three days later: what the journey rules read.
      shippedAt: status === 'shipped' || status === 'delivered' ? placedAt + DAY : undefined,
      deliveredAt: status === 'delivered' ? placedAt + 4 * DAY : undefined,
      items: [{ title: `Item ${i % 97}`, sku: `SKU-${i % 97}`, quantity: 1 + (i % 3), priceMinor: amountMinor }],
    });
  }
  return rows;
}
