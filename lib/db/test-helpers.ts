// Test-only helpers: a fresh in-memory database per test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ImportedOrder } from '../import/imported-order';
import { RegularsDb } from './database';
import type { SchemaVersion } from './schema';

export function memoryDb(versions?: readonly SchemaVersion[], factory = new IDBFactory(), name = 'regulars'): RegularsDb {
  return new RegularsDb(name, { indexedDB: factory, IDBKeyRange }, versions);
}

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

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
