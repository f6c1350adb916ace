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
import { statusFromWord } from '../status-words';
import type { Table } from '../table';
import { amountOf, cellAt, definePreset, missingBuyer, OrderBook, parseAnyDate, quantityOf, refusal, rowOrderNo, shipmentOf, statusKey, usablePhone, type Columns } from './common';
import type { PresetContext, PresetResult } from './types';
import { said } from '../problem';

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

// Columns by language: English (MY/SG/PH), traditional Chinese (TW, and its older "(單)/(品)"
// layout), simplified Chinese (CN cross-border, *unconfirmed*), Indonesian (ID: from importers of
// the Bahasa Indonesia Seller Centre export), Vietnamese (VN) and Portuguese (BR) (*unconfirmed*
// beyond the order number, status, product, quantity and buyer columns seen in public importers).
const COLUMNS = {
  orderNo: ['Order ID', '訂單編號', '訂單編號 (單)', '订单编号', 'No. Pesanan', 'Nomor Pesanan', 'Mã đơn hàng', 'ID do pedido'],
  status: ['Order Status', '訂單狀態', '訂單狀態 (單)', '订单状态', 'Status Pesanan', 'Trạng Thái Đơn Hàng', 'Status do pedido'],
  returnStatus: ['Return / Refund Status', 'Return/Refund Status', '退貨 / 退款狀態', '退貨/退款狀態', '退货 / 退款状态', '退货/退款状态', 'Status Pembatalan/ Pengembalian', 'Status Pembatalan/Pengembalian'],
  buyer: ['Username (Buyer)', '買家帳號', '買家帳號 (單)', '买家用户名', '买家账号', 'Username (Pembeli)', 'Người Mua', 'Nome de usuário (comprador)'],
  created: ['Order Creation Date', '訂單成立日期', '訂單成立時間 (單)', '訂單成立時間', '订单创建时间', '订单创建日期', 'Waktu Pesanan Dibuat', 'Ngày đặt hàng', 'Data de criação do pedido'],
  paidAt: ['Order Paid Time', '買家付款時間', '買家付款時間 (單)', '买家付款时间', 'Waktu Pembayaran Dilakukan', 'Thời gian đơn hàng được thanh toán', 'Hora do pagamento do pedido'],
  product: ['Product Name', '商品名稱', '商品名稱 (品)', '商品名称', 'Nama Produk', 'Tên sản phẩm', 'Nome do Produto'],
  variation: ['Variation Name', '商品選項名稱', '商品選項名稱 (品)', '商品选项名称', 'Nama Variasi', 'Tên phân loại hàng', 'Nome da variação'],
  sku: ['SKU Reference No.', '商品選項貨號', 'Parent SKU Reference No.', '主商品貨號', '商品选项货号', 'Nomor Referensi SKU', 'SKU Induk', 'SKU phân loại hàng'],
  quantity: ['Quantity', '數量', '数量', 'Jumlah', 'Số lượng', 'Quantidade'],
  price: ['Deal Price', '商品活動價格', '商品活動價格 (品)', '商品活动价格', 'Harga Setelah Diskon', 'Giá ưu đãi', 'Preço acordado'],
  total: ['Grand Total', '買家總支付金額', '訂單總金額 (單)', 'Total Amount', '买家总支付金额', '订单总金额', 'Total Pembayaran', 'Tổng giá trị đơn hàng (VND)', 'Valor Total'],
  receiver: ['Receiver Name', '收件者姓名', '收件者姓名 (單)', '收件人姓名', 'Nama Penerima', 'Tên Người nhận', 'Nome do destinatário'],
  phone: ['Phone Number', '收件者電話', '收件者電話 (單)', '收件人电话', 'No. Telepon', 'Số điện thoại', 'Telefone'],
  // The carrier and tracking number, for the shipping notice (the simplified Chinese and Indonesian spellings *unconfirmed*).
  carrier: ['Shipping Option', '寄送方式', '寄送方式 (單)', '寄送方式 (单)', '物流方式', 'Opsi Pengiriman'],
  trackingNo: ['Tracking Number*', 'Tracking Number', '包裹查詢號碼', '包裹查詢號碼 (單)', '包裹查询号码', '物流单号', 'No. Resi'],
} as const;

function read(table: Table, ctx: PresetContext, col: Columns<typeof COLUMNS>): PresetResult {
  const h = table.headers;
  const missing = missingBuyer(table, { handle: [col.buyer], phone: [col.phone] });
  if (missing) return refusal(missing);
  const book = new OrderBook();
  const date = (raw: string) => (raw ? parseAnyDate(raw, ctx.timeZone, 'ymd') : undefined);
  for (const { line, cells } of table.rows) {
    const orderNo = rowOrderNo(book, line, cells, h.length, col.orderNo, [col.status.index], { platform: 'Shopee' });
    if (orderNo === undefined) continue;
    const currency = ctx.currency;
    const quantity = quantityOf(cellAt(cells, col.quantity.index));
    if (quantity === undefined) {
      book.reject(orderNo, line, { column: col.quantity.name, ...said('notQuantity', { value: cellAt(cells, col.quantity.index) }) });
      continue;
    }
    const title = [cellAt(cells, col.product.index), cellAt(cells, col.variation.index)].filter(Boolean).join(' · ') || orderNo;
    const item = { title, sku: cellAt(cells, col.sku.index) || undefined, quantity, priceMinor: amountOf(cellAt(cells, col.price.index), currency) };
    if (book.has(orderNo)) {
      book.addItem(orderNo, item);
      continue;
    }
    const word = cellAt(cells, col.status.index);
    let status = STATUS[statusKey(word)] ?? statusFromWord(word);
    if (!status) {
      book.reject(orderNo, line, { column: col.status.name, ...said('unknownStatusMap', { value: word, platform: 'Shopee', known: 'Unpaid, To ship, Shipping, Completed, Cancelled / 尚未付款, 待出貨, 運送中, 已完成, 不成立 / Belum Bayar, Dikirim, Selesai…' }) });
      continue;
    }
    if (REFUNDED.test(cellAt(cells, col.returnStatus.index))) status = 'refunded';
    const total = amountOf(cellAt(cells, col.total.index), currency);
    if (total === undefined) {
      book.reject(orderNo, line, { column: col.total.name, ...said('notAmount', { value: cellAt(cells, col.total.index), example: '12.90' }) });
      continue;
    }
    const placedAt = date(cellAt(cells, col.created.index));
    if (placedAt === undefined) {
      book.reject(orderNo, line, { column: col.created.name, ...said('notDate', { value: cellAt(cells, col.created.index), example: '2026-03-04 13:05' }) });
      continue;
    }
    const handle = cellAt(cells, col.buyer.index);
    const phone = usablePhone(cellAt(cells, col.phone.index));
    if (!handle && !phone) {
      book.reject(orderNo, line, { column: col.buyer.name, ...said('noBuyerPhoneMasked') });
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

export const shopeePreset = definePreset({
  id: 'shopee-orders',
  platform: 'shopee',
  label: 'Shopee order export',
  columns: COLUMNS,
  signature: ['orderNo', 'status', 'created', 'product'],
  fields: { orderNo: 'orderNo', buyer: 'buyer', phone: 'phone', amount: 'total', date: 'created', status: 'status' },
  read,
});
