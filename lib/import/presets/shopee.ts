// Shopee Seller Centre → My Orders → Export: "Order.all.<from>_<to>.xlsx", one row per item with
// the order's fields repeated on each. No currency column: amounts are in the shop's currency.
// English headers (MY/SG/PH): an Egg.js controller reading 'Order ID', 'Order Status', 'Order
// Creation Date', 'Order Paid Time', 'Product Name', 'Variation Name', 'Deal Price', 'Quantity',
// 'Grand Total', 'Username (Buyer)', 'Receiver Name', 'Phone Number'; REQUIRED_HEADERS
// ["Order ID", "Order Status", "Username (Buyer)", "Grand Total"] in another importer "verified
// against real exports". Traditional Chinese (TW): a Next.js importer and a Python mapping reading
// 訂單編號, 訂單狀態, 不成立原因, 退貨 / 退款狀態, 買家帳號, 訂單成立日期, 買家總支付金額, 收件者姓名,
// 收件者電話, 商品名稱, 商品選項名稱, 商品活動價格, 數量; the older TW layout with "(單)"/"(品)"
// suffixes (訂單編號 (單), 訂單總金額 (單), 收件者電話 (單), 商品名稱 (品), 買家付款時間 (單)) from the
// same Egg.js controller. Status words seen in that code: 不成立, 尚未付款, 待出貨 (TW); Completed,
// Cancelled (EN). Seen 2026-05. *Unconfirmed*: the other status words (Unpaid, To ship, Shipping,
// 運送中, 已完成, 已取消…, taken from Shopee's order tabs) and the words of the return/refund status
// column (read as refunded when they say a refund went through). Masked phones ("******4321") are
// not used as identities.
import type { OrderStatus } from '../../domain/types';
import { amountOf, cellAt, column, missingBuyer, OrderBook, parseAnyDate, quantityOf, refusal, rowOrderNo, statusKey, usablePhone, shipmentOf } from './common';
import type { Table } from '../table';
import type { ImportPreset, PresetContext, PresetFields, PresetResult } from './types';

const STATUS: Record<string, OrderStatus> = Object.fromEntries(
  (
    [
      ['unpaid', 'unpaid'],
      ['尚未付款', 'unpaid'],
      ['待付款', 'unpaid'],
      ['to ship', 'paid'],
      ['ready to ship', 'paid'],
      ['processed', 'paid'],
      ['待出貨', 'paid'],
      ['shipping', 'shipped'],
      ['shipped', 'shipped'],
      ['to receive', 'shipped'],
      ['運送中', 'shipped'],
      ['已出貨', 'shipped'],
      ['待收貨', 'shipped'],
      ['delivered', 'delivered'],
      ['completed', 'delivered'],
      ['已送達', 'delivered'],
      ['已完成', 'delivered'],
      ['完成', 'delivered'],
      ['cancelled', 'cancelled'],
      ['canceled', 'cancelled'],
      ['in cancel', 'cancelled'],
      ['不成立', 'cancelled'],
      ['已取消', 'cancelled'],
      ['取消', 'cancelled'],
      ['to return', 'refunded'],
      ['return/refund', 'refunded'],
      ['refunded', 'refunded'],
      ['退貨/退款', 'refunded'],
      ['已退款', 'refunded'],
    ] as const
  ).map(([word, status]) => [statusKey(word), status]),
);

/** A return/refund status that says the money went back. */
const REFUNDED = /退款成功|已退款|退款完成|refund(ed| approved| completed| successful)/i;

const SHOPEE_FIELDS: PresetFields = { orderNo: ['Order ID', '訂單編號', '訂單編號 (單)'], buyer: ['Username (Buyer)', '買家帳號', '買家帳號 (單)'], phone: ['Phone Number', '收件者電話', '收件者電話 (單)'], amount: ['Grand Total', '買家總支付金額', '訂單總金額 (單)', 'Total Amount'], date: ['Order Creation Date', '訂單成立日期', '訂單成立時間 (單)', '訂單成立時間'], status: ['Order Status', '訂單狀態', '訂單狀態 (單)'] };

function read(table: Table, ctx: PresetContext): PresetResult {
  const h = table.headers;
  const col = {
    orderNo: column(h, 'Order ID', '訂單編號', '訂單編號 (單)'),
    status: column(h, 'Order Status', '訂單狀態', '訂單狀態 (單)'),
    returnStatus: column(h, 'Return / Refund Status', 'Return/Refund Status', '退貨 / 退款狀態', '退貨/退款狀態'),
    buyer: column(h, 'Username (Buyer)', '買家帳號', '買家帳號 (單)'),
    created: column(h, 'Order Creation Date', '訂單成立日期', '訂單成立時間 (單)', '訂單成立時間'),
    paidAt: column(h, 'Order Paid Time', '買家付款時間', '買家付款時間 (單)'),
    product: column(h, 'Product Name', '商品名稱', '商品名稱 (品)'),
    variation: column(h, 'Variation Name', '商品選項名稱', '商品選項名稱 (品)'),
    sku: column(h, 'SKU Reference No.', '商品選項貨號', 'Parent SKU Reference No.', '主商品貨號'),
    quantity: column(h, 'Quantity', '數量'),
    price: column(h, 'Deal Price', '商品活動價格', '商品活動價格 (品)'),
    total: column(h, 'Grand Total', '買家總支付金額', '訂單總金額 (單)', 'Total Amount'),
    receiver: column(h, 'Receiver Name', '收件者姓名', '收件者姓名 (單)'),
    phone: column(h, 'Phone Number', '收件者電話', '收件者電話 (單)'),
    carrier: column(h, 'Shipping Option', '寄送方式', '寄送方式 (單)'),
    trackingNo: column(h, 'Tracking Number*', 'Tracking Number', '包裹查詢號碼', '包裹查詢號碼 (單)'),
  };
  const missing = missingBuyer(table, { handle: [col.buyer], phone: [col.phone] });
  if (missing) return refusal(missing);
  const book = new OrderBook();
  const date = (raw: string) => (raw ? parseAnyDate(raw, ctx.timeZone, 'ymd') : undefined);
  for (const { line, cells } of table.rows) {
    const orderNo = rowOrderNo(book, line, cells, h.length, col.orderNo, [col.status.index], 'import the file as Shopee exported it');
    if (orderNo === undefined) continue;
    const currency = ctx.currency;
    const quantity = quantityOf(cellAt(cells, col.quantity.index));
    if (quantity === undefined) {
      book.reject(orderNo, line, { column: col.quantity.name, message: `"${cellAt(cells, col.quantity.index)}" is not a quantity; write a whole number such as 1` });
      continue;
    }
    const title = [cellAt(cells, col.product.index), cellAt(cells, col.variation.index)].filter(Boolean).join(' · ') || orderNo;
    const item = { title, sku: cellAt(cells, col.sku.index) || undefined, quantity, priceMinor: amountOf(cellAt(cells, col.price.index), currency) };
    if (book.has(orderNo)) {
      book.addItem(orderNo, item);
      continue;
    }
    const word = cellAt(cells, col.status.index);
    let status = STATUS[statusKey(word)];
    if (!status) {
      book.reject(orderNo, line, { column: col.status.name, message: `"${word}" is not a Shopee order status this importer knows (Unpaid, To ship, Shipping, Completed, Cancelled / 尚未付款, 待出貨, 運送中, 已完成, 不成立…)` });
      continue;
    }
    if (REFUNDED.test(cellAt(cells, col.returnStatus.index))) status = 'refunded';
    const total = amountOf(cellAt(cells, col.total.index), currency);
    if (total === undefined) {
      book.reject(orderNo, line, { column: col.total.name, message: `"${cellAt(cells, col.total.index)}" is not an amount; write it as a number such as 12.90` });
      continue;
    }
    const placedAt = date(cellAt(cells, col.created.index));
    if (placedAt === undefined) {
      book.reject(orderNo, line, { column: col.created.name, message: `"${cellAt(cells, col.created.index)}" is not a date this importer can read (expected 2026-03-04 13:05)` });
      continue;
    }
    const handle = cellAt(cells, col.buyer.index);
    const phone = usablePhone(cellAt(cells, col.phone.index));
    if (!handle && !phone) {
      book.reject(orderNo, line, { column: col.buyer.name, message: 'is empty and the phone is empty or masked; the order cannot be tied to a buyer' });
      continue;
    }
    book.open(orderNo, {
      platform: ctx.platform,
      orderNo,
      buyer: { handle: handle || undefined, name: cellAt(cells, col.receiver.index) || undefined, phone },
      amountMinor: total,
      currency,
      status,
      placedAt,
      paidAt: status === 'unpaid' ? undefined : date(cellAt(cells, col.paidAt.index)),
      ...shipmentOf(cellAt(cells, col.carrier.index), cellAt(cells, col.trackingNo.index)),
      items: [item],
    });
  }
  return book.result();
}

export const shopeePreset: ImportPreset = {
  id: 'shopee-orders',
  fields: SHOPEE_FIELDS,
  platform: 'shopee',
  label: 'Shopee order export',
  signature: ['Order ID', 'Order Status', 'Order Creation Date', 'Product Name'],
  read,
};

export const shopeeTwPreset: ImportPreset = {
  id: 'shopee-orders-zh-tw',
  fields: SHOPEE_FIELDS,
  platform: 'shopee',
  label: 'Shopee order export (蝦皮 訂單)',
  signature: ['訂單編號', '訂單狀態', '訂單成立日期', '商品名稱'],
  read,
};

export const shopeeTwOldPreset: ImportPreset = {
  id: 'shopee-orders-zh-tw-v1',
  fields: SHOPEE_FIELDS,
  platform: 'shopee',
  label: 'Shopee order export (蝦皮 訂單, (單)/(品) columns)',
  signature: ['訂單編號 (單)', '訂單狀態 (單)', '訂單成立時間 (單)', '商品名稱 (品)'],
  read,
};
