// TikTok Shop Seller Center "Export orders" CSV: UTF-8 with BOM, one row per SKU, the order's
// fields repeated, ID columns padded with a trailing tab so spreadsheets keep them as text.
import { parseAmountToMinor } from '../../domain/money';
import type { OrderStatus } from '../../domain/types';
import { parseExportDate } from '../dates';
import type { ImportedOrder } from '../../domain/imported-order';
import { definePreset, shipmentOf } from './common';
import type { ImportProblem } from './types';
import { said } from '../problem';

const STATUS: Record<string, OrderStatus> = {
  unpaid: 'unpaid',
  'awaiting payment': 'unpaid',
  'to ship': 'paid',
  'awaiting shipment': 'paid',
  'awaiting collection': 'paid',
  processing: 'paid',
  shipped: 'shipped',
  'in transit': 'shipped',
  delivered: 'delivered',
  completed: 'delivered',
  canceled: 'cancelled',
  cancelled: 'cancelled',
};

/**
 * Status and substatus together: a delivered order reads "Shipped / Delivered" until its
 * after-sales window closes ("Completed"); a refund is "Cancelled" with type "Return/Refund".
 */
function orderStatus(status: string, substatus: string, cancelType: string): OrderStatus | undefined {
  const s = status.toLowerCase();
  const sub = substatus.toLowerCase();
  if (s === 'cancelled' || s === 'canceled') return /return|refund/i.test(cancelType) || /refund/.test(sub) ? 'refunded' : 'cancelled';
  const main = STATUS[s];
  if (main && (sub === 'delivered' || sub === 'completed')) return 'delivered';
  return main;
}

// Seen in exports and importers: "Phone #" (US) and "Phone", "Cancelation" (US spelling, TikTok's)
// and "Cancellation"; "Buyer Nickname" in some regions' exports (*unconfirmed*). The first name of
// each list matches a public importer's type of a real export (github.com/jeffpham2906/JP-Manager,
// server/types/order.d.ts, a Vietnamese shop's: "Order ID", "Buyer Username", "Order Amount",
// "Created Time", "Phone #", "Cancelation/Return Type"); no public source shows the variants.
const COLUMNS = {
  orderId: ['Order ID'],
  status: ['Order Status'],
  substatus: ['Order Substatus'],
  cancelType: ['Cancelation/Return Type', 'Cancellation/Return Type'],
  sku: ['Seller SKU', 'SKU ID'],
  product: ['Product Name'],
  variation: ['Variation'],
  quantity: ['Quantity'],
  unitPrice: ['SKU Unit Original Price'],
  amount: ['Order Amount'],
  created: ['Created Time'],
  paid: ['Paid Time'],
  shipped: ['Shipped Time'],
  delivered: ['Delivered Time'],
  buyer: ['Buyer Username', 'Buyer Nickname'],
  recipient: ['Recipient'],
  phone: ['Phone #', 'Phone'],
  email: ['Email', 'Buyer Email'],
  currency: ['Currency'],
  // The product's category in the shop's TikTok catalogue: the item's category (categories.ts).
  category: ['Product Category'],
  // For the shipping notice.
  carrier: ['Shipping Provider Name'],
  trackingNo: ['Tracking ID'],
} as const;

export const tiktokPreset = definePreset({
  id: 'tiktok-orders',
  columns: COLUMNS,
  fields: { orderNo: 'orderId', buyer: 'buyer', amount: 'amount', date: 'created', status: 'status' },
  platform: 'tiktok',
  label: 'TikTok Shop order export',
  signature: ['orderId', 'status', 'buyer', 'created'],
  read(table, ctx, columns) {
    const h = table.headers;
    // Indices, for the cell reads below.
    const col = Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, c.index])) as Record<keyof typeof COLUMNS, number>;
    const problems: ImportProblem[] = [];
    const orders = new Map<string, ImportedOrder>();
    const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const date = (cells: string[], i: number) => {
      const raw = cell(cells, i);
      return raw ? parseExportDate(raw, ctx.timeZone, 'mdy') : undefined;
    };

    for (const { line, cells } of table.rows) {
      // Some exports carry a second header row describing each field; it is no order.
      if (line === 2 && /\s/.test(cell(cells, col.orderId)) && !parseExportDate(cell(cells, col.created), ctx.timeZone, 'mdy')) continue;
      if (cells.length < Math.min(h.length, col.created + 1)) {
        problems.push({ line, ...said('cutShort', { fields: cells.length, header: h.length }) });
        continue;
      }
      const orderNo = cell(cells, col.orderId);
      if (!orderNo) {
        problems.push({ line, column: 'Order ID', ...said('emptyOrderNo') });
        continue;
      }
      const quantity = Number(cell(cells, col.quantity) || '1');
      const title = [cell(cells, col.product), cell(cells, col.variation)].filter(Boolean).join(' · ');
      const unit = parseAmountToMinor(cell(cells, col.unitPrice), ctx.currency);
      const category = cell(cells, col.category).slice(0, 60);
      const item = { title: title || orderNo, sku: cell(cells, col.sku) || undefined, quantity: Number.isFinite(quantity) ? quantity : 1, priceMinor: unit, ...(category ? { category, categorySource: 'export' as const } : {}) };
      const existing = orders.get(orderNo);
      if (existing) {
        existing.items.push(item);
        continue;
      }
      const currency = (cell(cells, col.currency) || ctx.currency).toUpperCase();
      const amountMinor = parseAmountToMinor(cell(cells, col.amount), currency);
      if (amountMinor === undefined) {
        problems.push({ line, column: 'Order Amount', ...said('notAmount', { value: cell(cells, col.amount), example: '12.90' }) });
        continue;
      }
      const placedAt = date(cells, col.created);
      if (placedAt === undefined) {
        problems.push({ line, column: 'Created Time', ...said('notDate', { value: cell(cells, col.created), example: 'MM/DD/YYYY hh:mm:ss AM' }) });
        continue;
      }
      const status = orderStatus(cell(cells, col.status), cell(cells, col.substatus), cell(cells, col.cancelType));
      if (!status) {
        problems.push({ line, column: 'Order Status', ...said('unknownStatusBare', { value: cell(cells, col.status), platform: 'TikTok Shop' }) });
        continue;
      }
      const handle = cell(cells, col.buyer);
      const phone = cell(cells, col.phone);
      const email = cell(cells, col.email);
      if (!handle && !phone && !email) {
        problems.push({ line, column: 'Buyer Username', ...said('noBuyerNoContact') });
        continue;
      }
      orders.set(orderNo, {
        platform: ctx.platform,
        orderNo,
        buyer: { handle: handle || undefined, name: cell(cells, col.recipient) || undefined, phone: phone || undefined, email: email || undefined },
        amountMinor,
        currency,
        status,
        placedAt,
        paidAt: date(cells, col.paid),
        shippedAt: date(cells, col.shipped),
        deliveredAt: date(cells, col.delivered),
        ...shipmentOf(cell(cells, col.carrier), cell(cells, col.trackingNo)),
        items: [item],
      });
    }
    return { orders: [...orders.values()], problems };
  },
});
