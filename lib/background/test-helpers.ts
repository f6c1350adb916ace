// Test-only helpers of the background: the store's, and an imported order with defaults.
import type { ImportedOrder } from '../domain/imported-order';
import type { RegularsDb } from '../store/database';
import { NOW, DAY } from '../store/test-helpers';
import { memberTierKeeper, type TierKeeper } from './tiers/tier-keeper';

export { DAY, memoryDb, NOW } from '../store/test-helpers';

/** The tier keeper of `db`, started and loaded (as the background starts it, before any write): moves are recorded at `clock`'s time. */
export async function keepTiers(db: RegularsDb, clock: () => number = () => NOW): Promise<TierKeeper> {
  const keeper = memberTierKeeper(db, clock);
  keeper.start();
  await keeper.settled();
  return keeper;
}

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
