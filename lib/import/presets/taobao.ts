// Taobao / Tmall seller centre (千牛) → 已卖出的宝贝 → 批量导出: ExportOrderList*.csv (one row per
// order) and ExportOrderDetailList*.csv (one row per item). GBK-encoded; some headers carry a
// trailing space ("收货地址 ", "联系电话 "); long numbers are guarded against spreadsheets as
// ="3301…", '3301… or with a leading tab. Amounts are yuan (CNY).
// Headers: c2003070110/TBTool src/com/walk_nie/taobao/object/OrderObject.java and
// TaobaoSaledObject.java (ExportOrderList, with the trailing spaces), an xadmin importer's
// INIT_FIELDS_DIC (same list plus 退款金额, which strips spaces and "=" from headers and ="…" from
// 订单编号 and "'" from 联系手机), and for the item file a PHP exporter's and a Node importer's
// 订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码. Statuses as used
// by those importers and Taobao's trade states: 等待买家付款, 买家已付款，等待卖家发货,
// 卖家已发货，等待买家确认, 交易成功, 交易关闭. Seen 2026-05.
// *Unconfirmed*: whether 买家会员名 comes masked ("t**1") in current exports — a masked name or phone
// is not used as an identity.
import type { OrderStatus } from '../../domain/types';
import { parseExportDate } from '../dates';
import { statusFromWord } from '../status-words';
import { amountOf, cellAt, definePreset, missingBuyer, OrderBook, quantityOf, refusal, rowOrderNo, shipmentOf, statusKey, usablePhone } from './common';
import { said } from '../problem';

const CURRENCY = 'CNY';

const STATUS: Record<string, OrderStatus> = {
  [statusKey('等待买家付款')]: 'unpaid',
  [statusKey('买家已付款，等待卖家发货')]: 'paid',
  [statusKey('等待卖家发货')]: 'paid',
  [statusKey('卖家部分发货')]: 'shipped',
  [statusKey('部分发货')]: 'shipped',
  [statusKey('卖家已发货，等待买家确认')]: 'shipped',
  [statusKey('交易成功')]: 'delivered',
  [statusKey('交易关闭')]: 'cancelled',
};

// Newer 千牛 exports write some names differently (*unconfirmed*, seen in sellers' importers:
// 买家昵称 for 买家会员名, 买家实付金额 for 买家实际支付金额, 订单号 for 订单编号). 买家实付金额 and
// 商品标题 for 宝贝标题 are what several importers of 2024–2026 order lists read (with 支付单号,
// 确认收货打款金额, 总金额(旧版), 发货时间, 商品属性SKU), none of them any buyer column: fixtures/README.md.
const ORDER_COLUMNS = {
  orderNo: ['订单编号', '订单号'],
  buyer: ['买家会员名', '买家昵称'],
  goods: ['买家应付货款'],
  postage: ['买家应付邮费'],
  total: ['总金额'],
  paid: ['买家实际支付金额', '买家实付金额', '实付金额'],
  status: ['订单状态'],
  receiver: ['收货人姓名'],
  phone: ['联系手机'],
  tel: ['联系电话'],
  created: ['订单创建时间'],
  paidAt: ['订单付款时间'],
  title: ['宝贝标题', '商品标题'],
  count: ['宝贝总数量'],
  closeReason: ['订单关闭原因'],
  refund: ['退款金额'],
  // For the shipping notice; the number is written "No:SF1000000000002".
  carrier: ['物流公司'],
  trackingNo: ['物流单号'],
} as const;

export const taobaoOrdersPreset = definePreset({
  id: 'taobao-orders',
  columns: ORDER_COLUMNS,
  fields: { orderNo: 'orderNo', buyer: 'buyer', phone: 'phone', amount: 'paid', date: 'created', status: 'status' },
  platform: 'taobao',
  label: 'Taobao/Tmall order list (ExportOrderList)',
  signature: ['orderNo', 'status', 'created', 'goods'],
  read(table, ctx, col) {
    const h = table.headers;
    const missing = missingBuyer(table, { handle: [col.buyer], phone: [col.phone, col.tel] });
    if (missing) return refusal(missing);
    const book = new OrderBook();
    const date = (raw: string) => (raw ? parseExportDate(raw, ctx.timeZone, 'ymd') : undefined);
    for (const { line, cells } of table.rows) {
      const orderNo = rowOrderNo(book, line, cells, h.length, col.orderNo, [col.status.index, col.created.index], { platform: 'Taobao', excel: true });
      if (orderNo === undefined) continue;
      if (book.has(orderNo)) {
        book.problem(line, { column: col.orderNo.name, ...said('repeatsOrder', { orderNo }) });
        continue;
      }
      const word = cellAt(cells, col.status.index);
      let status = STATUS[statusKey(word)] ?? statusFromWord(word);
      if (!status) {
        book.reject(orderNo, line, { column: col.status.name, ...said('unknownStatus', { value: word, platform: 'Taobao', known: '等待买家付款, 买家已付款，等待卖家发货, 卖家已发货，等待买家确认, 交易成功, 交易关闭' }) });
        continue;
      }
      // Every money column must read; an empty one counts as 0.
      const columns = { paid: col.paid, total: col.total, goods: col.goods, postage: col.postage, refund: col.refund };
      const money: Record<keyof typeof columns, number> = { paid: 0, total: 0, goods: 0, postage: 0, refund: 0 };
      let bad: { column: string; raw: string } | undefined;
      for (const [key, c] of Object.entries(columns) as [keyof typeof columns, { index: number; name: string }][]) {
        const raw = cellAt(cells, c.index);
        const minor = amountOf(raw, CURRENCY);
        if (raw !== '' && minor === undefined) bad ??= { column: c.name, raw };
        money[key] = minor ?? 0;
      }
      if (bad) {
        book.reject(orderNo, line, { column: bad.column, ...said('notAmount', { value: bad.raw, example: '128.00' }) });
        continue;
      }
      const refunded = money.refund;
      if (status === 'cancelled' && (refunded > 0 || cellAt(cells, col.closeReason.index).includes('退款'))) status = 'refunded';
      // What the buyer paid; an order not yet (or never) paid counts at its total.
      const gross = money.paid > 0 ? money.paid : money.total > 0 ? money.total : money.goods + money.postage;
      const amountMinor = status === 'delivered' || status === 'shipped' ? gross - refunded : gross;
      const placedAt = date(cellAt(cells, col.created.index));
      if (placedAt === undefined) {
        book.reject(orderNo, line, { column: col.created.name, ...said('notDate', { value: cellAt(cells, col.created.index), example: '2026-03-04 13:05:00' }) });
        continue;
      }
      const rawHandle = cellAt(cells, col.buyer.index);
      const handle = rawHandle && !rawHandle.includes('*') ? rawHandle : undefined;
      const phone = usablePhone(cellAt(cells, col.phone.index)) ?? usablePhone(cellAt(cells, col.tel.index));
      if (!handle && !phone) {
        book.reject(orderNo, line, { column: col.buyer.name, ...(rawHandle ? said('buyerMaskedNoPhone', { value: rawHandle }) : said('noBuyerNoPhone')) });
        continue;
      }
      const title = cellAt(cells, col.title.index);
      const count = quantityOf(cellAt(cells, col.count.index)) ?? 1;
      book.open(orderNo, {
        platform: ctx.platform,
        orderNo,
        buyer: { handle, name: cellAt(cells, col.receiver.index) || undefined, phone },
        amountMinor,
        currency: CURRENCY,
        status,
        placedAt,
        paidAt: status === 'unpaid' ? undefined : date(cellAt(cells, col.paidAt.index)),
        ...shipmentOf(cellAt(cells, col.carrier.index), cellAt(cells, col.trackingNo.index).replace(/^No:/, '')),
        // The order list names what was bought in one title and counts it; the items are in ExportOrderDetailList.
        items: title ? [{ title, quantity: count }] : [],
      });
    }
    return book.result();
  },
});

export const taobaoItemsPreset = definePreset({
  id: 'taobao-order-items',
  platform: 'taobao',
  label: 'Taobao/Tmall order items (ExportOrderDetailList)',
  columns: { orderNo: ['订单编号'], title: ['标题'], price: ['价格'], quantity: ['购买数量'] },
  signature: ['orderNo', 'title', 'price', 'quantity'],
  read() {
    // The item file names no buyer and no order total: alone it cannot make a member or an order.
    return refusal({
      line: 0,
      column: '买家会员名',
      ...said('itemsOnly', { columns: '买家会员名, 联系手机', file: 'ExportOrderList' }),
    });
  },
});
