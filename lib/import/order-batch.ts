// A batch of orders as it travels from the file reader to the background: one JSON string (a string
// is cheap to hand between threads and processes, and the background parses it once) and the orders'
// keys, which the options page counts without parsing the batch.
import type { ImportedOrder } from '../domain/imported-order';

export interface OrderBatch {
  /** The orders as JSON: `orders.import`'s `rowsJson`. */
  json: string;
  /** Each order's `platform:orderNo`, in the batch's order. */
  keys: string[];
}

export function orderBatch(orders: readonly ImportedOrder[]): OrderBatch {
  return { json: JSON.stringify(orders), keys: orders.map((o) => `${o.platform}:${o.orderNo}`) };
}
