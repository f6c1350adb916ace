// Lazada Seller Center → Orders → Export: one row per order item (an order of 3 units is 3 rows),
// the order's fields repeated on each. Two header styles are read: Title Case ("Order Item Id",
// "Order Number", "Customer Name", "Customer Email", "Created at", "Paid Price", "Unit Price",
// "Status", "Shipping Name", "Shipping Phone Number") and the newer camelCase ("orderItemId",
// "orderNumber", "createTime", "customerName", "customerEmail", "shippingPhone", "paidPrice",
// "unitPrice", "status"). Sources: REQUIRED_HEADERS.lazada ["orderItemId", "orderNumber", "status",
// "paidPrice"] in an importer "verified against real exports", a test corpus "Lazada export whose
// columns are camelCase" (orderNumber, createTime, customerName, shippingName, shippingAddress,
// shippingPhone, billingName, itemName, paidPrice; "2026-07-28 14:02"), and Lazada's Open Platform
// order statuses (unpaid, pending, canceled, ready_to_ship, delivered, returned, shipped, failed).
// Seen 2026-05. *Unconfirmed*: the Title Case column names beyond the brief's, the "04 Mar 2026
// 13:05" date style (both it and "2026-03-04 13:05" are read), and whether "Shipping Fee" is the
// order's fee repeated or each item's share — it is counted once per order, so a per-item share
// would leave some shipping out rather than count any twice. There is no currency column: amounts
// are in the shop's currency.
// Buyers: Customer Name is the handle — the same choice as the Lazada page adapter, which knows
// buyers by the name Lazada shows — with the e-mail and phone beside it when they are not masked.
import type { OrderStatus } from '../../domain/types';
import type { Table } from '../table';
import { amountOf, cellAt, definePreset, missingBuyer, OrderBook, parseAnyDate, refusal, rowOrderNo, shipmentOf, statusKey, usableEmail, usablePhone, type Columns } from './common';
import { statusFromWord } from '../status-words';
import type { PresetContext, PresetResult } from './types';
import { said } from '../problem';

const STATUS: Record<string, OrderStatus> = {
  unpaid: 'unpaid',
  pending: 'paid',
  topack: 'paid',
  packed: 'paid',
  readytoship: 'paid',
  toship: 'paid',
  confirmed: 'paid',
  repacked: 'paid',
  shipped: 'shipped',
  intransit: 'shipped',
  delivered: 'delivered',
  completed: 'delivered',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  failed: 'cancelled',
  faileddelivery: 'cancelled',
  lostby3pl: 'cancelled',
  damagedby3pl: 'cancelled',
  returned: 'refunded',
  packagereturned: 'refunded',
  shippedback: 'refunded',
  shippedbacksuccess: 'refunded',
  refunded: 'refunded',
};

// Title Case and camelCase spellings of one export (keys compare without case, so "Order Number"
// and "orderNumber" differ only by the space). No localized header set was found in public code.
const COLUMNS = {
  orderItemId: ['Order Item Id', 'orderItemId', 'Order Item ID'],
  orderNo: ['Order Number', 'orderNumber'],
  created: ['Created at', 'createTime', 'Create Time', 'createdAt'],
  customer: ['Customer Name', 'customerName'],
  email: ['Customer Email', 'customerEmail'],
  shippingName: ['Shipping Name', 'shippingName'],
  phone: ['Shipping Phone Number', 'shippingPhone', 'Shipping Phone'],
  billingPhone: ['Billing Phone Number', 'billingPhone', 'Billing Phone'],
  paidPrice: ['Paid Price', 'paidPrice'],
  unitPrice: ['Unit Price', 'unitPrice'],
  shippingFee: ['Shipping Fee', 'shippingFee'],
  title: ['Item Name', 'itemName'],
  variation: ['Variation', 'variation'],
  sku: ['Seller SKU', 'sellerSku'],
  status: ['Status', 'status'],
  delivered: ['Delivered Date', 'deliveredDate'],
  // For the shipping notice: the last-mile carrier and its code (not the first-mile ones).
  carrier: ['Shipping Provider', 'shippingProvider'],
  trackingNo: ['Tracking Code', 'trackingCode'],
} as const;

function read(table: Table, ctx: PresetContext, col: Columns<typeof COLUMNS>): PresetResult {
  const h = table.headers;
  const missing = missingBuyer(table, { handle: [col.customer], email: [col.email], phone: [col.phone, col.billingPhone] });
  if (missing) return refusal(missing);
  const book = new OrderBook();
  const currency = ctx.currency;
  const date = (raw: string) => (raw ? parseAnyDate(raw, ctx.timeZone, 'dmy') : undefined);
  // Each item row carries its own status: the order counts the items still standing.
  const tally = new Map<string, { live: number; all: number; shipping: number; statuses: OrderStatus[] }>();
  for (const { line, cells } of table.rows) {
    const orderNo = rowOrderNo(book, line, cells, h.length, col.orderNo, [col.paidPrice.index, col.status.index], { platform: 'Lazada' });
    if (orderNo === undefined) continue;
    const word = cellAt(cells, col.status.index);
    const status = STATUS[statusKey(word)] ?? statusFromWord(word);
    if (!status) {
      book.reject(orderNo, line, { column: col.status.name, ...said('unknownStatus', { value: word, platform: 'Lazada', known: 'unpaid, pending, ready_to_ship, shipped, delivered, canceled, returned…' }) });
      continue;
    }
    const paid = amountOf(cellAt(cells, col.paidPrice.index), currency);
    if (paid === undefined) {
      book.reject(orderNo, line, { column: col.paidPrice.name, ...said('notAmount', { value: cellAt(cells, col.paidPrice.index), example: '12.90' }) });
      continue;
    }
    const title = [cellAt(cells, col.title.index), cellAt(cells, col.variation.index)].filter(Boolean).join(' · ') || orderNo;
    const item = {
      title,
      sku: cellAt(cells, col.sku.index) || undefined,
      quantity: 1,
      priceMinor: amountOf(cellAt(cells, col.unitPrice.index), currency) ?? paid,
    };
    const standing = status !== 'cancelled' && status !== 'refunded';
    const open = book.get(orderNo);
    if (open) {
      open.items.push(item);
      const t = tally.get(orderNo)!;
      t.all += paid;
      if (standing) t.live += paid;
      t.statuses.push(status);
      if (status === 'delivered') open.deliveredAt ??= date(cellAt(cells, col.delivered.index));
      continue;
    }
    const placedAt = date(cellAt(cells, col.created.index));
    if (placedAt === undefined) {
      book.reject(orderNo, line, { column: col.created.name, ...said('notDate', { value: cellAt(cells, col.created.index), example: '04 Mar 2026 13:05 or 2026-03-04 13:05' }) });
      continue;
    }
    const handle = cellAt(cells, col.customer.index);
    const email = usableEmail(cellAt(cells, col.email.index));
    const phone = usablePhone(cellAt(cells, col.phone.index)) ?? usablePhone(cellAt(cells, col.billingPhone.index));
    if (!handle && !email && !phone) {
      book.reject(orderNo, line, { column: col.customer.name, ...said('noBuyerContactsMasked') });
      continue;
    }
    tally.set(orderNo, { live: standing ? paid : 0, all: paid, shipping: amountOf(cellAt(cells, col.shippingFee.index), currency) ?? 0, statuses: [status] });
    book.open(orderNo, {
      platform: ctx.platform,
      orderNo,
      buyer: { handle: handle || undefined, name: cellAt(cells, col.shippingName.index) || handle || undefined, phone, email },
      amountMinor: 0,
      currency,
      status,
      placedAt,
      deliveredAt: status === 'delivered' ? date(cellAt(cells, col.delivered.index)) : undefined,
      ...shipmentOf(cellAt(cells, col.carrier.index), cellAt(cells, col.trackingNo.index)),
      items: [item],
    });
  }
  const result = book.result();
  for (const order of result.orders) {
    const t = tally.get(order.orderNo)!;
    const live = t.statuses.filter((s) => s !== 'cancelled' && s !== 'refunded');
    // The items still standing give the order its amount and its furthest status; with none, it was
    // refunded if any item came back, else cancelled.
    order.status = live.length ? live.reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a)) : t.statuses.includes('refunded') ? 'refunded' : 'cancelled';
    order.amountMinor = (live.length ? t.live : t.all) + t.shipping;
    if (order.status !== 'delivered') order.deliveredAt = undefined;
  }
  return result;
}

const RANK: OrderStatus[] = ['unpaid', 'paid', 'shipped', 'delivered'];

export const lazadaPreset = definePreset({
  id: 'lazada-orders',
  columns: COLUMNS,
  fields: { orderNo: 'orderNo', buyer: 'customer', email: 'email', phone: 'phone', amount: 'paidPrice', date: 'created', status: 'status' },
  platform: 'lazada',
  label: 'Lazada order export',
  signature: ['orderItemId', 'orderNo', 'paidPrice', 'status'],
  read,
});
