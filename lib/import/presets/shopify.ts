// Shopify admin "Export orders" (orders_export.csv): UTF-8, one row per line item. The order's own
// fields (Email, Financial Status, Total, Created at…) sit on its first row; its further rows repeat
// only Name and the Lineitem columns and leave the rest blank.
// Columns as listed by public parsers of this file: laplace-live/shopify-csv-converter
// src/types/index.d.ts, jadwro/allegro_csv_parser src/Shopify/types/ShopifyOrderTypeCSV.ts,
// trollspank/shopify2woo app/fields.py (seen 2026-05). Financial statuses are Shopify's
// financial_status values (pending, authorized, partially_paid, paid, partially_refunded, refunded,
// voided, expired); "Created at" is "2026-03-04 13:05:00 +0800", with the shop's offset.
import type { OrderStatus } from '../../domain/types';
import { parseExportDate } from '../dates';
import { amountOf, cellAt, cutShort, definePreset, missingBuyer, OrderBook, quantityOf, refusal, statusKey, usableEmail, usablePhone } from './common';
import { said } from '../problem';

const FINANCIAL: Record<string, OrderStatus> = {
  pending: 'unpaid',
  authorized: 'paid',
  partiallypaid: 'paid',
  paid: 'paid',
  partiallyrefunded: 'paid',
  refunded: 'refunded',
  voided: 'cancelled',
  expired: 'cancelled',
};

/** Financial status first; a cancellation or a fulfilment then refines it. */
function orderStatus(financial: string, fulfillment: string, cancelledAt: string): OrderStatus | undefined {
  const status = FINANCIAL[statusKey(financial)];
  if (!status) return undefined;
  if (cancelledAt) return status === 'refunded' ? 'refunded' : 'cancelled';
  const shipped = ['fulfilled', 'partial', 'shipped'].includes(statusKey(fulfillment));
  return status === 'paid' && shipped ? 'shipped' : status;
}

const COLUMNS = {
  name: ['Name'],
  id: ['Id'],
  email: ['Email'],
  financial: ['Financial Status'],
  paidAt: ['Paid at'],
  fulfillment: ['Fulfillment Status'],
  fulfilledAt: ['Fulfilled at'],
  currency: ['Currency'],
  total: ['Total'],
  refunded: ['Refunded Amount'],
  created: ['Created at'],
  // "Canceled at": the spelling of the column list a public adapter quotes from Shopify's documentation (*unconfirmed*).
  cancelledAt: ['Cancelled at', 'Canceled at'],
  quantity: ['Lineitem quantity'],
  title: ['Lineitem name'],
  price: ['Lineitem price'],
  sku: ['Lineitem sku'],
  billingName: ['Billing Name'],
  shippingName: ['Shipping Name'],
  phone: ['Phone'],
  billingPhone: ['Billing Phone'],
  shippingPhone: ['Shipping Phone'],
} as const;

export const shopifyPreset = definePreset({
  id: 'shopify-orders',
  columns: COLUMNS,
  fields: { orderNo: 'name', email: 'email', phone: 'phone', amount: 'total', date: 'created', status: 'financial', currency: 'currency' },
  platform: 'shopify',
  label: 'Shopify orders export',
  // No buyer column in the signature: a file without one is still recognised, then refused by name.
  signature: ['name', 'financial', 'fulfillment', 'title'],
  read(table, ctx, col) {
    const h = table.headers;
    const missing = missingBuyer(table, { email: [col.email], phone: [col.phone, col.billingPhone, col.shippingPhone] });
    if (missing) return refusal(missing);

    const book = new OrderBook();
    const date = (cells: string[], c: { index: number }) => {
      const raw = cellAt(cells, c.index);
      return raw ? parseExportDate(raw, ctx.timeZone, 'ymd') : undefined;
    };

    for (const { line, cells } of table.rows) {
      const cut = cutShort(cells, h.length, Math.max(col.name.index, col.title.index));
      if (cut) {
        book.problem(line, cut);
        continue;
      }
      const orderNo = cellAt(cells, col.name.index);
      if (!orderNo) {
        book.problem(line, { column: col.name.name, ...said('emptyOrderName', { example: '#1001' }) });
        continue;
      }
      if (book.isRejected(orderNo)) continue;
      const quantity = quantityOf(cellAt(cells, col.quantity.index));
      if (quantity === undefined) {
        book.reject(orderNo, line, { column: col.quantity.name, ...said('notQuantity', { value: cellAt(cells, col.quantity.index) }) });
        continue;
      }
      const currency = (cellAt(cells, col.currency.index) || book.get(orderNo)?.currency || ctx.currency).toUpperCase();
      const item = {
        title: cellAt(cells, col.title.index) || orderNo,
        sku: cellAt(cells, col.sku.index) || undefined,
        quantity,
        priceMinor: amountOf(cellAt(cells, col.price.index), currency),
      };
      if (book.has(orderNo)) {
        book.addItem(orderNo, item);
        continue;
      }

      const financial = cellAt(cells, col.financial.index);
      if (!financial) {
        book.reject(orderNo, line, { column: col.financial.name, ...said('shopifyFirstRow', { orderNo }) });
        continue;
      }
      const status = orderStatus(financial, cellAt(cells, col.fulfillment.index), cellAt(cells, col.cancelledAt.index));
      if (!status) {
        book.reject(orderNo, line, { column: col.financial.name, ...said('unknownFinancialStatus', { value: financial, known: 'paid, pending, refunded, partially_refunded, voided…' }) });
        continue;
      }
      const total = amountOf(cellAt(cells, col.total.index), currency);
      if (total === undefined) {
        book.reject(orderNo, line, { column: col.total.name, ...said('notAmount', { value: cellAt(cells, col.total.index), example: '12.90' }) });
        continue;
      }
      // A partial refund keeps the order but not all its money: spend is what the buyer kept paid.
      const refunded = statusKey(financial) === 'partiallyrefunded' ? (amountOf(cellAt(cells, col.refunded.index), currency) ?? 0) : 0;
      const placedAt = date(cells, col.created);
      if (placedAt === undefined) {
        book.reject(orderNo, line, { column: col.created.name, ...said('notDate', { value: cellAt(cells, col.created.index), example: '2026-03-04 13:05:00 +0800' }) });
        continue;
      }
      const email = usableEmail(cellAt(cells, col.email.index));
      const phone = usablePhone(cellAt(cells, col.phone.index))
        ?? usablePhone(cellAt(cells, col.billingPhone.index))
        ?? usablePhone(cellAt(cells, col.shippingPhone.index));
      if (!email && !phone) {
        book.reject(orderNo, line, { column: col.email.name, ...said('noBuyerShopify') });
        continue;
      }
      const shippedAt = status === 'shipped' ? date(cells, col.fulfilledAt) : undefined;
      book.open(orderNo, {
        platform: ctx.platform,
        // The order's Id is what the admin's order page shows in its URL, where orders are also
        // captured: the same order must get the same number both ways. Name (#1001) is the fallback.
        orderNo: cellAt(cells, col.id.index) || orderNo,
        buyer: { name: cellAt(cells, col.billingName.index) || cellAt(cells, col.shippingName.index) || undefined, phone, email },
        amountMinor: total - refunded,
        currency,
        status,
        placedAt,
        paidAt: status === 'unpaid' || status === 'cancelled' ? undefined : date(cells, col.paidAt),
        shippedAt,
        items: [item],
      });
    }
    return book.result();
  },
});
