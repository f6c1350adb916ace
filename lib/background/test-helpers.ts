// Test-only helpers of the background: the store's, and an imported order with defaults.
import type { ImportedOrder } from '../domain/imported-order';
import { NOW, DAY } from '../store/test-helpers';

export { DAY, memoryDb, NOW } from '../store/test-helpers';

let seq = 0;
export function order(over: Partial<ImportedOrder> & { buyer?: ImportedOrder['buyer'] } = {}): ImportedOrder {
  seq++;
  return {
    platform: 'demo',
    orderNo: `o${seq}`,
    buyer: { handle: 'lily_chen' },
    amountMinor: 1000,
    currency: 'USD',
    status: 'delivered',
    placedAt: NOW - 10 * DAY,
    items: [{ title: 'Linen shirt', quantity: 1, priceMinor: 1000 }],
    ...over,
  };
}
