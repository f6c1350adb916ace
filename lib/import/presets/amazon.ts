// Amazon Seller Central order reports: tab-separated flat files, one row per order item.
// - Order reports (Reports → Order Reports: new / unshipped / pending orders): order-id,
//   order-item-id, purchase-date, payments-date, buyer-email, buyer-name, buyer-phone-number, sku,
//   product-name, quantity-purchased, currency, item-price, item-tax, shipping-price, … (header as
//   in public parsers: an OpenERP/Odoo Amazon connector's _get_header_fieldnames, a Perl test's
//   __DATA__ block, a Python SP-API writer's column comment; seen 2026-05). Listed orders are paid
//   unless an order-status column (pending orders report) says otherwise.
// - "All Orders" report (amazon-order-id, merchant-order-id, purchase-date, last-updated-date,
//   order-status, …, item-status, quantity, currency, item-price …): header as in
//   CaponicaAmazonMwsComplete ReportFbaSalesAllByLastUpdateFlatFile EXPECTED_HEADER. It has no buyer
//   column, so on its own it is refused by name.
// Prices are per row (item-price is the line's total for its quantity). purchase-date is ISO 8601
// with an offset. Buyers: the e-mail (Amazon's relay address counts: it is stable per buyer) or the
// phone. Only when both are missing does buyer-name become the handle — the same choice as the
// Amazon page adapter, which knows buyers by name; two buyers sharing a name then look alike until
// an agent separates them. A row with no e-mail, phone or name is reported.
import type { OrderItem, OrderStatus } from '../../domain/types';
import type { Table } from '../table';
import { amountOf, cellAt, column, cutShort, definePreset, missingBuyer, OrderBook, parseAnyDate, quantityOf, refusal, statusKey, usableEmail, usablePhone, type Columns } from './common';
import type { PresetContext, PresetResult } from './types';
import { said } from '../problem';

const STATUS: Record<string, OrderStatus> = {
  pending: 'unpaid',
  pendingavailability: 'unpaid',
  unshipped: 'paid',
  pendingwaitingforpickup: 'paid',
  partiallyshipped: 'shipped',
  shipping: 'shipped',
  shipped: 'shipped',
  shippeddelivered: 'delivered',
  delivered: 'delivered',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  unfulfillable: 'cancelled',
};

// One set of names for both reports: the order reports say "order-id" and "quantity-purchased",
// All Orders says "amazon-order-id" and "quantity".
const COLUMNS = {
  orderId: ['amazon-order-id', 'order-id'],
  orderItemId: ['order-item-id'],
  purchase: ['purchase-date'],
  payments: ['payments-date'],
  status: ['order-status'],
  itemStatus: ['item-status'],
  email: ['buyer-email'],
  name: ['buyer-name'],
  recipient: ['recipient-name'],
  phone: ['buyer-phone-number'],
  sku: ['sku'],
  product: ['product-name'],
  quantity: ['quantity-purchased', 'quantity'],
  currency: ['currency'],
  itemPrice: ['item-price'],
} as const;

const FIELDS = { orderNo: 'orderId', email: 'email', phone: 'phone', buyer: 'name', amount: 'itemPrice', date: 'purchase', status: 'status', currency: 'currency' } as const;

function read(table: Table, ctx: PresetContext, col: Columns<typeof COLUMNS>): PresetResult {
  const h = table.headers;
  // What the buyer paid on a row: the line, its tax, shipping and gift wrap, less promotions
  // (written positive in some reports, negative in others: always taken off).
  const plus = ['item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax'].map((n) => column(h, n)).filter((c) => c.index >= 0);
  const minus = ['item-promotion-discount', 'ship-promotion-discount'].map((n) => column(h, n)).filter((c) => c.index >= 0);
  const missing = missingBuyer(table, { email: [col.email], phone: [col.phone], handle: [col.name] });
  if (missing) return refusal(missing);

  const book = new OrderBook();
  for (const { line, cells } of table.rows) {
    const cut = cutShort(cells, h.length, Math.max(col.orderId.index, col.purchase.index));
    if (cut) {
      book.problem(line, cut);
      continue;
    }
    const orderNo = cellAt(cells, col.orderId.index);
    if (!orderNo) {
      book.problem(line, { column: col.orderId.name, ...said('emptyOrderNo') });
      continue;
    }
    if (book.isRejected(orderNo)) continue;
    const currency = (cellAt(cells, col.currency.index) || book.get(orderNo)?.currency || ctx.currency).toUpperCase();
    let rowAmount = 0;
    let bad: { column: string; raw: string } | undefined;
    for (const [sign, columns] of [[1, plus], [-1, minus]] as const) {
      for (const c of columns) {
        const raw = cellAt(cells, c.index);
        if (raw === '') continue; // a cancelled line leaves its prices empty
        const minor = amountOf(raw, currency);
        if (minor === undefined) bad ??= { column: c.name, raw };
        else rowAmount += sign * Math.abs(minor);
      }
    }
    if (bad) {
      book.reject(orderNo, line, { column: bad.column, ...said('notAmount', { value: bad.raw, example: '12.90' }) });
      continue;
    }
    const quantity = quantityOf(cellAt(cells, col.quantity.index));
    if (quantity === undefined) {
      book.reject(orderNo, line, { column: col.quantity.name, ...said('notQuantity', { value: cellAt(cells, col.quantity.index) }) });
      continue;
    }
    const linePrice = amountOf(cellAt(cells, col.itemPrice.index), currency);
    const item: OrderItem = {
      title: cellAt(cells, col.product.index) || cellAt(cells, col.sku.index) || orderNo,
      sku: cellAt(cells, col.sku.index) || undefined,
      quantity,
      priceMinor: linePrice === undefined ? undefined : Math.round(linePrice / quantity),
    };

    const open = book.get(orderNo);
    if (open) {
      open.amountMinor += rowAmount;
      open.items.push(item);
      continue;
    }
    const placedAt = parseAnyDate(cellAt(cells, col.purchase.index), ctx.timeZone, 'mdy');
    if (placedAt === undefined) {
      book.reject(orderNo, line, { column: col.purchase.name, ...said('notDate', { value: cellAt(cells, col.purchase.index), example: '2026-03-04T13:05:00+00:00' }) });
      continue;
    }
    let status: OrderStatus = 'paid';
    const word = cellAt(cells, col.status.index) || cellAt(cells, col.itemStatus.index);
    if (word) {
      const known = STATUS[statusKey(word)];
      if (!known) {
        book.reject(orderNo, line, { column: col.status.index >= 0 ? col.status.name : col.itemStatus.name, ...said('unknownStatus', { value: word, platform: 'Amazon', known: 'Pending, Unshipped, Shipped, Cancelled…' }) });
        continue;
      }
      status = known;
    }
    const email = usableEmail(cellAt(cells, col.email.index));
    const phone = usablePhone(cellAt(cells, col.phone.index));
    const name = cellAt(cells, col.name.index);
    // The recipient may be someone the buyer sent a gift to: a name to show, never an identity.
    const shownName = name || cellAt(cells, col.recipient.index);
    if (!email && !phone && !name) {
      book.reject(orderNo, line, { column: col.email.name, ...said('amazonWithheld', { phone: col.phone.name, name: col.name.name }) });
      continue;
    }
    const paidRaw = cellAt(cells, col.payments.index);
    book.open(orderNo, {
      platform: ctx.platform,
      orderNo,
      buyer: { handle: email || phone ? undefined : name, name: shownName || undefined, phone, email },
      amountMinor: rowAmount,
      currency,
      status,
      placedAt,
      paidAt: paidRaw ? parseAnyDate(paidRaw, ctx.timeZone, 'mdy') : undefined,
      items: [item],
    });
  }
  return book.result();
}

export const amazonOrdersPreset = definePreset({
  id: 'amazon-orders',
  columns: COLUMNS,
  fields: FIELDS,
  platform: 'amazon',
  label: 'Amazon order report',
  signature: ['orderId', 'orderItemId', 'purchase', 'quantity'],
  read,
});

export const amazonAllOrdersPreset = definePreset({
  id: 'amazon-all-orders',
  columns: COLUMNS,
  fields: FIELDS,
  platform: 'amazon',
  label: 'Amazon All Orders report',
  signature: ['orderId', 'purchase', 'status', 'itemStatus'],
  read,
});
