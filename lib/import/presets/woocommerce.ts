// WooCommerce has no order CSV of its own: shops export with a plugin. Three layouts are read:
// - "Advanced Order Export For WooCommerce" (algolplus) defaults: "Order Number", "Order Status",
//   "Order Date", "Email (Billing)", "Phone (Billing)", "Order Total Amount", one row per item
//   ("Item Name", "Quantity", "Item Cost"). Header names as mirrored in public scripts built on that
//   export (e.g. an Apps Script "exportShopifyOrders" re-creating its columns; Python scripts reading
//   'Email (Billing)', 'Phone (Billing)', 'Order Status', 'Item Name'), seen 2026-05.
// - Title-case "Billing …" columns ("Order ID", "Order Date", "Billing First Name", "Billing Email",
//   "Billing Phone", "Order Total", "Currency") as listed in the product brief and in importers that
//   accept them beside the algolplus names — the exact plugin writing them is *unconfirmed*.
// - WooCommerce field keys (order_id, order_number, order_date, status, order_total, order_currency,
//   billing_email, billing_phone, line_item_1 "name:…|sku:…|quantity:…|total:…") as written by the
//   WebToffee / SkyVerge order exporters — layout *unconfirmed* beyond public mentions of the keys.
// Statuses are WooCommerce's own (pending, on-hold, processing, completed, cancelled, refunded,
// failed, checkout-draft), with or without the "wc-" prefix. Dates are the shop's wall clock.
import type { OrderItem, OrderStatus } from '../../domain/types';
import { amountOf, cellAt, cutShort, definePreset, missingBuyer, OrderBook, parseAnyDate, quantityOf, refusal, statusKey, usableEmail, usablePhone, type Columns } from './common';
import type { PresetContext, PresetResult } from './types';
import type { Table } from '../table';
import { said } from '../problem';

const STATUS: Record<string, OrderStatus> = {
  pending: 'unpaid',
  pendingpayment: 'unpaid',
  onhold: 'unpaid',
  checkoutdraft: 'unpaid',
  draft: 'unpaid',
  processing: 'paid',
  completed: 'delivered',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
};

/** "name:Linen shirt|product_id:12|sku:LS-M|quantity:2|total:30.00" → an item. */
function keyedItem(raw: string, currency: string): OrderItem | undefined {
  const fields = new Map(raw.split('|').map((part) => {
    const at = part.indexOf(':');
    return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim()] as const;
  }));
  const title = fields.get('name');
  if (!title) return undefined;
  const quantity = quantityOf(fields.get('quantity') ?? '') ?? 1;
  const total = amountOf(fields.get('total') ?? '', currency);
  return { title, sku: fields.get('sku') || undefined, quantity, priceMinor: total === undefined ? undefined : Math.round(total / quantity) };
}

// Three layouts in the wild, one set of names: Advanced Order Export's "Email (Billing)", the
// "Billing Email" of other exporters, and the field keys ("billing_email") of WebToffee/SkyVerge.
// The order ID first: it is what the admin's order URL carries, where orders are also captured.
const COLUMNS = {
  orderNo: ['Order ID', 'order_id', 'Order Number', 'order_number'],
  status: ['Order Status', 'Status'],
  date: ['Order Date', 'order_date', 'Date Created'],
  paidDate: ['Paid Date', 'paid_date', 'Date Paid'],
  completedDate: ['Completed Date', 'completed_date', 'Date Completed'],
  total: ['Order Total Amount', 'Order Total', 'order_total', 'Grand Total'],
  refunded: ['Order Refund Amount', 'Refund Amount', 'refunded_total', 'order_refund'],
  currency: ['Order Currency', 'Currency', 'order_currency'],
  firstName: ['First Name (Billing)', 'Billing First Name', 'billing_first_name'],
  lastName: ['Last Name (Billing)', 'Billing Last Name', 'billing_last_name'],
  fullName: ['Full Name (Billing)', 'Name (Billing)', 'Billing Name'],
  email: ['Email (Billing)', 'Billing Email', 'billing_email', 'Customer Email'],
  phone: ['Phone (Billing)', 'Billing Phone', 'billing_phone'],
  title: ['Item Name', 'Product Name', 'Item Title'],
  quantity: ['Quantity', 'Item Quantity', 'Qty'],
  price: ['Item Cost', 'Item Price', 'Product Price'],
  sku: ['SKU', 'Item SKU'],
} as const;

function read(table: Table, ctx: PresetContext, col: Columns<typeof COLUMNS>): PresetResult {
  const h = table.headers;
  const keyedItems = h.map((name, i) => (/^line_item_\d+$/i.test(name.trim()) ? i : -1)).filter((i) => i >= 0);
  const missing = missingBuyer(table, { email: [col.email], phone: [col.phone] });
  if (missing) return refusal(missing);

  const book = new OrderBook();
  const date = (raw: string) => (raw ? parseAnyDate(raw, ctx.timeZone, 'ymd') : undefined);
  for (const { line, cells } of table.rows) {
    const cut = cutShort(cells, h.length, Math.max(col.orderNo.index, col.status.index, col.total.index));
    if (cut) {
      book.problem(line, cut);
      continue;
    }
    const orderNo = cellAt(cells, col.orderNo.index).replace(/^#/, '');
    if (!orderNo) {
      book.problem(line, { column: col.orderNo.name, ...said('emptyOrderNo') });
      continue;
    }
    if (book.isRejected(orderNo)) continue;
    const currency = (cellAt(cells, col.currency.index) || book.get(orderNo)?.currency || ctx.currency).toUpperCase();
    const items: OrderItem[] = [];
    const title = cellAt(cells, col.title.index);
    if (title) {
      const quantity = quantityOf(cellAt(cells, col.quantity.index));
      if (quantity === undefined) {
        book.reject(orderNo, line, { column: col.quantity.name, ...said('notQuantity', { value: cellAt(cells, col.quantity.index) }) });
        continue;
      }
      items.push({ title, sku: cellAt(cells, col.sku.index) || undefined, quantity, priceMinor: amountOf(cellAt(cells, col.price.index), currency) });
    }
    for (const i of keyedItems) {
      const raw = cellAt(cells, i);
      const item = raw ? keyedItem(raw, currency) : undefined;
      if (item) items.push(item);
    }
    if (book.has(orderNo)) {
      for (const item of items) book.addItem(orderNo, item);
      continue;
    }

    const word = cellAt(cells, col.status.index);
    const status = STATUS[statusKey(word).replace(/^wc/, '')];
    if (!status) {
      book.reject(orderNo, line, { column: col.status.name, ...(word ? said('unknownStatus', { value: word, platform: 'WooCommerce', known: 'pending, processing, completed, cancelled, refunded…' }) : said('emptyStatusFirstRow')) });
      continue;
    }
    const total = amountOf(cellAt(cells, col.total.index), currency);
    if (total === undefined) {
      book.reject(orderNo, line, { column: col.total.name, ...said('notAmount', { value: cellAt(cells, col.total.index), example: '12.90' }) });
      continue;
    }
    // A refund on an order that stays completed takes that money out of the buyer's spend.
    const refund = status === 'refunded' ? 0 : Math.abs(amountOf(cellAt(cells, col.refunded.index), currency) ?? 0);
    const placedAt = date(cellAt(cells, col.date.index));
    if (placedAt === undefined) {
      book.reject(orderNo, line, { column: col.date.name, ...said('notDate', { value: cellAt(cells, col.date.index), example: '2026-03-04 13:05' }) });
      continue;
    }
    const email = usableEmail(cellAt(cells, col.email.index));
    const phone = usablePhone(cellAt(cells, col.phone.index));
    if (!email && !phone) {
      book.reject(orderNo, line, { column: col.email.name, ...said('noBuyerNoBillingPhone') });
      continue;
    }
    const name = cellAt(cells, col.fullName.index) || [cellAt(cells, col.firstName.index), cellAt(cells, col.lastName.index)].filter(Boolean).join(' ');
    const paidAt = status === 'unpaid' || status === 'cancelled' ? undefined : date(cellAt(cells, col.paidDate.index));
    book.open(orderNo, {
      platform: ctx.platform,
      orderNo,
      buyer: { name: name || undefined, phone, email },
      amountMinor: total - refund,
      currency,
      status,
      placedAt,
      paidAt,
      deliveredAt: status === 'delivered' ? date(cellAt(cells, col.completedDate.index)) : undefined,
      items,
    });
  }
  return book.result();
}

export const woocommercePreset = definePreset({
  id: 'woocommerce-orders',
  columns: COLUMNS,
  fields: { orderNo: 'orderNo', email: 'email', phone: 'phone', amount: 'total', date: 'date', status: 'status', currency: 'currency' },
  platform: 'woocommerce',
  label: 'WooCommerce orders export',
  signature: ['orderNo', 'status', 'date', 'total', 'firstName'],
  read,
});
