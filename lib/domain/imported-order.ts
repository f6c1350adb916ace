// One order as every import preset (and order capture) hands it to the store.
import { z } from 'zod';
import { orderFacts, orderItemSchema, platformSchema } from './rows';
import { refinement } from './reason';

/**
 * Orders per import batch, everywhere a batch is cut (the file reader, the spreadsheet reader, the
 * options page) and the most one `orders.import` message may carry. Each batch is one transaction.
 */
export const IMPORT_BATCH = 2500;

export const importedBuyerSchema = z
  .object({
    handle: z.string().trim().min(1).max(200).optional(),
    name: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(200).optional(),
  })
  .refine((b) => Boolean(b.handle || b.phone || b.email), refinement('buyerNeedsIdentity', 'a buyer needs a handle, a phone or an e-mail'));

export const importedOrderSchema = z.object({
  platform: platformSchema,
  orderNo: z.string().trim().min(1).max(100),
  buyer: importedBuyerSchema,
  ...orderFacts,
  /** The carrier and tracking number, where the export or the order page has them (shipping notice). */
  carrier: z.string().trim().max(100).optional(),
  trackingNo: z.string().trim().max(100).optional(),
  items: z.array(orderItemSchema).max(500),
});
export type ImportedOrder = z.infer<typeof importedOrderSchema>;

/** The id an order is stored under (OrderRow.id): its platform and order number. */
export const orderIdOf = (order: { platform: string; orderNo: string }): string => `${order.platform}:${order.orderNo.trim()}`;
