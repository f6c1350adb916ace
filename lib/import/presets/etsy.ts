// Etsy Shop Manager → Settings → Options → Download Data: "Orders" (EtsySoldOrders*.csv, one row
// per order) and "Order Items" (EtsySoldOrderItems*.csv, one row per item). Dates are MM/DD/YY.
// Headers as parsed by public code: YitongM/Etsy2ParcelMonkeyCSV Models/EtsyImportModel.cs and a
// Scala EtsyOrder decoder listing the UK spellings ("Date Posted", "Delivery City"…) for the orders
// file; a data-structure table of EtsySoldOrderItems (Sale Date, Item Name, Buyer, Quantity, Price,
// Order Shipping, Order Sales Tax, Item Total, Currency, Transaction ID, Listing ID, Date Paid, Date
// Shipped, Order ID…) for the items file (seen 2026-05).
// Etsy lists only paid orders. *Unconfirmed*: the words of the orders file's "Status" column (read
// here: canceled/cancelled, refunded, else shipped when there is a ship date, paid otherwise), what
// "Adjusted Order Total" holds when nothing was adjusted (0 or blank: read as "no adjustment"), and
// whether "Buyer" writes "Name (username)"; when it does, the username is the handle in both files.
import type { OrderStatus } from '../../domain/types';
import { parseExportDate } from '../dates';
import type { Table } from '../table';
import { statusFromWord } from '../status-words';
import { amountOf, cellAt, definePreset, missingBuyer, OrderBook, quantityOf, refusal, rowOrderNo, statusKey } from './common';
import type { PresetContext } from './types';
import { said } from '../problem';

/** "Jane Doe (janedoe12)" → the username; a bare value is taken as it is. */
function buyerHandle(buyer: string): string {
  return /\(([^()\s]+)\)\s*$/.exec(buyer)?.[1] ?? buyer;
}

function dateReader(ctx: PresetContext) {
  return (raw: string) => (raw ? parseExportDate(raw, ctx.timeZone, 'mdy') : undefined);
}

/**
 * Etsy's own words in the orders file's "Status" column; others fall back to the shared vocabulary.
 * "Completed" is Etsy's "marked as shipped", not a delivery: delivered only when Etsy says so.
 */
const STATUS: Record<string, OrderStatus> = { canceled: 'cancelled', cancelled: 'cancelled', refunded: 'refunded', fullyrefunded: 'refunded', partiallyrefunded: 'shipped', completed: 'shipped', complete: 'shipped', shipped: 'shipped', intransit: 'shipped', delivered: 'delivered', open: 'paid', new: 'paid', paid: 'paid' };

/** A status cell, or else what the ship date says (Etsy lists only paid orders). */
function statusOf(word: string, shippedAt: number | undefined): OrderStatus {
  const status = STATUS[statusKey(word)] ?? (word ? statusFromWord(word) : undefined);
  if (status === 'unpaid' || status === undefined) return shippedAt !== undefined ? 'shipped' : 'paid';
  return status === 'paid' && shippedAt !== undefined ? 'shipped' : status;
}

// UK shops get "Date Posted", "Delivery …" where US ones get "Date Shipped", "Ship …".
const ORDER_COLUMNS = {
  saleDate: ['Sale Date'],
  orderId: ['Order ID'],
  numberOfItems: ['Number of Items'],
  orderValue: ['Order Value'],
  buyerId: ['Buyer User ID'],
  buyer: ['Buyer'],
  fullName: ['Full Name'],
  shipped: ['Date Shipped', 'Date Posted'],
  // *Unconfirmed*: a delivery date (Etsy shows "Delivered" from tracking on its order page).
  delivered: ['Date Delivered'],
  currency: ['Currency'],
  total: ['Order Total'],
  adjusted: ['Adjusted Order Total'],
  status: ['Status', 'Order Status'],
  sku: ['SKU'],
} as const;

export const etsyOrdersPreset = definePreset({
  id: 'etsy-sold-orders',
  columns: ORDER_COLUMNS,
  fields: { orderNo: 'orderId', buyer: 'buyerId', amount: 'total', date: 'saleDate', status: 'status', currency: 'currency' },
  platform: 'etsy',
  label: 'Etsy sold orders (EtsySoldOrders)',
  emptyStatus: 'paid',
  signature: ['saleDate', 'orderId', 'numberOfItems', 'orderValue'],
  read(table, ctx, col) {
    const h = table.headers;
    const missing = missingBuyer(table, { handle: [col.buyerId, col.buyer] });
    if (missing) return refusal(missing);
    const book = new OrderBook();
    const date = dateReader(ctx);
    for (const { line, cells } of table.rows) {
      const orderNo = rowOrderNo(book, line, cells, h.length, col.orderId, [col.total.index], { platform: 'Etsy' });
      if (orderNo === undefined) continue;
      if (book.has(orderNo)) {
        book.problem(line, { column: col.orderId.name, ...said('repeatsOrder', { orderNo }) });
        continue;
      }
      const currency = (cellAt(cells, col.currency.index) || ctx.currency).toUpperCase();
      const total = amountOf(cellAt(cells, col.total.index), currency);
      if (total === undefined) {
        book.reject(orderNo, line, { column: col.total.name, ...said('notAmount', { value: cellAt(cells, col.total.index), example: '12.90' }) });
        continue;
      }
      const placedAt = date(cellAt(cells, col.saleDate.index));
      if (placedAt === undefined) {
        book.reject(orderNo, line, { column: col.saleDate.name, ...said('notDate', { value: cellAt(cells, col.saleDate.index), example: 'MM/DD/YY such as 03/04/26' }) });
        continue;
      }
      const shippedAt = date(cellAt(cells, col.shipped.index));
      const deliveredAt = date(cellAt(cells, col.delivered.index));
      const status = deliveredAt !== undefined ? 'delivered' : statusOf(cellAt(cells, col.status.index), shippedAt);
      // A partial refund shows as an adjusted total below the order total.
      const adjusted = amountOf(cellAt(cells, col.adjusted.index), currency);
      const amountMinor = adjusted !== undefined && adjusted > 0 && adjusted < total ? adjusted : total;
      const handle = cellAt(cells, col.buyerId.index) || buyerHandle(cellAt(cells, col.buyer.index));
      if (!handle) {
        book.reject(orderNo, line, { column: col.buyerId.name, ...said('noBuyerNorName', { column: 'Buyer' }) });
        continue;
      }
      book.open(orderNo, {
        platform: ctx.platform,
        orderNo,
        buyer: { handle, name: cellAt(cells, col.fullName.index) || undefined },
        amountMinor,
        currency,
        status,
        placedAt,
        paidAt: placedAt,
        shippedAt: status === 'shipped' || status === 'delivered' ? shippedAt : undefined,
        deliveredAt: status === 'delivered' ? deliveredAt : undefined,
        items: [],
      });
    }
    return book.result();
  },
});

/**
 * The items file alone still gives orders: each order's items added up, its shipping and sales tax
 * (written on every item row of the order) once. *Unconfirmed*: whether "Item Total" is before or
 * after a coupon; it is taken as written.
 */
export const etsyItemsPreset = definePreset({
  id: 'etsy-sold-order-items',
  columns: {
    saleDate: ['Sale Date'],
    title: ['Item Name'],
    transactionId: ['Transaction ID'],
    buyer: ['Buyer'],
    quantity: ['Quantity'],
    price: ['Price'],
    shipping: ['Order Shipping', 'Order Delivery'],
    tax: ['Order Sales Tax'],
    itemTotal: ['Item Total'],
    currency: ['Currency'],
    paid: ['Date Paid'],
    shipped: ['Date Shipped', 'Date Posted'],
    shipName: ['Ship Name', 'Delivery Name'],
    orderId: ['Order ID'],
    sku: ['SKU'],
    variations: ['Variations'],
  },
  fields: { orderNo: 'orderId', buyer: 'buyer', amount: 'itemTotal', date: 'saleDate', currency: 'currency' },
  platform: 'etsy',
  label: 'Etsy sold order items (EtsySoldOrderItems)',
  signature: ['saleDate', 'title', 'transactionId', 'orderId'],
  read(table: Table, ctx: PresetContext, col) {
    const h = table.headers;
    const missing = missingBuyer(table, { handle: [col.buyer] });
    if (missing) return refusal(missing);
    const book = new OrderBook();
    const date = dateReader(ctx);
    for (const { line, cells } of table.rows) {
      const orderNo = rowOrderNo(book, line, cells, h.length, col.orderId, [col.itemTotal.index], { platform: 'Etsy' });
      if (orderNo === undefined) continue;
      const currency = (cellAt(cells, col.currency.index) || ctx.currency).toUpperCase();
      const quantity = quantityOf(cellAt(cells, col.quantity.index));
      if (quantity === undefined) {
        book.reject(orderNo, line, { column: col.quantity.name, ...said('notQuantity', { value: cellAt(cells, col.quantity.index) }) });
        continue;
      }
      const itemTotal = amountOf(cellAt(cells, col.itemTotal.index), currency);
      if (itemTotal === undefined) {
        book.reject(orderNo, line, { column: col.itemTotal.name, ...said('notAmount', { value: cellAt(cells, col.itemTotal.index), example: '12.90' }) });
        continue;
      }
      const title = [cellAt(cells, col.title.index), cellAt(cells, col.variations.index)].filter(Boolean).join(' · ') || orderNo;
      const item = { title, sku: cellAt(cells, col.sku.index) || undefined, quantity, priceMinor: amountOf(cellAt(cells, col.price.index), currency) };
      const open = book.get(orderNo);
      if (open) {
        open.amountMinor += itemTotal;
        open.items.push(item);
        continue;
      }
      const placedAt = date(cellAt(cells, col.saleDate.index));
      if (placedAt === undefined) {
        book.reject(orderNo, line, { column: col.saleDate.name, ...said('notDate', { value: cellAt(cells, col.saleDate.index), example: 'MM/DD/YY such as 03/04/26' }) });
        continue;
      }
      const handle = buyerHandle(cellAt(cells, col.buyer.index));
      if (!handle) {
        book.reject(orderNo, line, { column: col.buyer.name, ...said('noBuyerEmpty') });
        continue;
      }
      const shipping = amountOf(cellAt(cells, col.shipping.index), currency) ?? 0;
      const tax = amountOf(cellAt(cells, col.tax.index), currency) ?? 0;
      const shippedAt = date(cellAt(cells, col.shipped.index));
      book.open(orderNo, {
        platform: ctx.platform,
        orderNo,
        buyer: { handle, name: cellAt(cells, col.shipName.index) || undefined },
        amountMinor: itemTotal + shipping + tax,
        currency,
        status: shippedAt !== undefined ? 'shipped' : 'paid',
        placedAt,
        paidAt: date(cellAt(cells, col.paid.index)) ?? placedAt,
        shippedAt,
        items: [item],
      });
    }
    return book.result();
  },
});
