// eBay Seller Hub → Reports → Downloads → Orders (and the older File Exchange "Sold" report).
// The file is no clean table: a row of bare commas above the header, an all-empty row under it,
// then one row per order line, then a blank line and footer rows ("12,record(s) downloaded,from …",
// "Seller ID : …"). A multi-item order is a summary row (no Item Number; buyer and Total Price)
// followed by one row per item. There is no status column: a row without "Paid On Date" is an
// order never paid for, and eBay leaves cancelled orders out. Money is "$12.34", dates "Mar-04-26".
// Header list: randomecho/shifted-sales-report README (the current 80-column report); layout,
// footer and summary rows: a public eBay orders parser's notes ("a row of bare commas, then the
// header, then an all-empty row … then a blank line and two footer lines"); older names ("User Id",
// "Buyer Fullname", "Buyer Phone Number", "Paid on Date"): zhaoquanshengchina/getMonthlyEcommerceSales
// Ebay/addEbaySales.py. Seen 2026-05. *Unconfirmed*: a time of day or zone after the date (read
// when written as "Mar-04-26 13:05:00 PDT"), and currencies other than the shop's (£, €, AU $, C $
// are recognised from the amount's symbol).
import type { OrderItem, OrderStatus } from '../../domain/types';
import { amountOf, cellAt, cutShort, definePreset, missingBuyer, OrderBook, parseMonthNameDate, quantityOf, refusal, shipmentOf, usableEmail, usablePhone } from './common';
import { said } from '../problem';

const SYMBOLS: [RegExp, string][] = [
  [/^AU\s*\$/i, 'AUD'],
  [/^C\s*\$/i, 'CAD'],
  [/^US\s*\$/i, 'USD'],
  [/^£/, 'GBP'],
  [/^€|€$/, 'EUR'],
];

const currencyOf = (amount: string, fallback: string) => SYMBOLS.find(([re]) => re.test(amount.trim()))?.[1] ?? fallback;

/** eBay writes no status: how far the order got is what its dates say. */
const progress = (o: { paidAt?: number | undefined; shippedAt?: number | undefined; deliveredAt?: number | undefined }): OrderStatus =>
  o.deliveredAt !== undefined ? 'delivered' : o.shippedAt !== undefined ? 'shipped' : o.paidAt !== undefined ? 'paid' : 'unpaid';

/** The footer eBay writes under the table: counts and the seller id, not orders. */
const isFooter = (cells: string[]) => cells.some((c) => /record\(s\) downloaded|^seller id\s*:/i.test(c.trim()));

// Names over the years: the current report ("Buyer Username", "Sale Date", "Paid On Date"), the
// older File Exchange "Sold" report ("User Id", "Buyer Fullname", "Sale Price", "Paid on Date") and
// what sellers report from other downloads ("User ID", "Sales Date": *unconfirmed* sources).
const COLUMNS = {
  record: ['Sales Record Number', 'Sales Record No.'],
  orderNo: ['Order Number', 'Order ID'],
  username: ['Buyer Username', 'User Id', 'User ID', 'Buyer User ID'],
  name: ['Buyer Name', 'Buyer Fullname', 'Buyer Full Name', 'Ship To Name'],
  email: ['Buyer Email', 'Buyer Email Address'],
  phone: ['Buyer Phone', 'Buyer Phone Number', 'Ship To Phone'],
  itemNumber: ['Item Number', 'Item ID'],
  title: ['Item Title'],
  label: ['Custom Label'],
  variation: ['Variation Details'],
  quantity: ['Quantity'],
  soldFor: ['Sold For', 'Sale Price'],
  total: ['Total Price'],
  saleDate: ['Sale Date', 'Sales Date'],
  paidOn: ['Paid On Date', 'Paid on Date', 'Paid Date'],
  shippedOn: ['Shipped On Date', 'Shipped on Date', 'Shipped Date'],
  // *Unconfirmed*: a delivery date column (the current report has only estimated ones, not read).
  deliveredOn: ['Delivered On Date', 'Delivery Date'],
  // For the shipping notice: the service names its carrier ("USPS Ground Advantage").
  carrier: ['Shipping Service'],
  trackingNo: ['Tracking Number'],
} as const;

export const ebayPreset = definePreset({
  id: 'ebay-orders',
  columns: COLUMNS,
  fields: { orderNo: 'orderNo', buyer: 'username', email: 'email', phone: 'phone', amount: 'total', date: 'saleDate' },
  platform: 'ebay',
  label: 'eBay orders report',
  signature: ['record', 'title', 'total', 'saleDate'],
  read(table, ctx, col) {
    const h = table.headers;
    const missing = missingBuyer(table, { handle: [col.username], email: [col.email], phone: [col.phone] });
    if (missing) return refusal(missing);

    const book = new OrderBook();
    const date = (raw: string) => (raw ? parseMonthNameDate(raw, ctx.timeZone) : undefined);
    for (const { line, cells } of table.rows) {
      if (isFooter(cells)) break;
      const cut = cutShort(cells, h.length, Math.max(col.record.index, col.total.index, col.saleDate.index));
      if (cut) {
        book.problem(line, cut);
        continue;
      }
      const record = cellAt(cells, col.record.index);
      if (!record) {
        book.problem(line, { column: col.record.name, ...said('emptyOrderNo') });
        continue;
      }
      if (book.isRejected(record)) continue;

      const title = [cellAt(cells, col.title.index), cellAt(cells, col.variation.index)].filter(Boolean).join(' · ');
      let item: OrderItem | undefined;
      if (title) {
        const quantity = quantityOf(cellAt(cells, col.quantity.index));
        if (quantity === undefined) {
          book.reject(record, line, { column: col.quantity.name, ...said('notQuantity', { value: cellAt(cells, col.quantity.index) }) });
          continue;
        }
        const soldFor = cellAt(cells, col.soldFor.index);
        item = { title, sku: cellAt(cells, col.label.index) || undefined, quantity, priceMinor: amountOf(soldFor, currencyOf(soldFor, ctx.currency)) };
      }

      const open = book.get(record);
      if (open) {
        if (item) open.items.push(item);
        // The summary row may leave the dates to the item rows: a date on any row of the order counts.
        open.orderNo = open.orderNo === record ? cellAt(cells, col.orderNo.index) || record : open.orderNo;
        open.paidAt ??= date(cellAt(cells, col.paidOn.index));
        open.shippedAt ??= date(cellAt(cells, col.shippedOn.index));
        open.deliveredAt ??= date(cellAt(cells, col.deliveredOn.index));
        // Carrier and tracking number may be on the summary row or an item row: the first written counts.
        Object.assign(open, { ...shipmentOf(cellAt(cells, col.carrier.index), cellAt(cells, col.trackingNo.index)), ...shipmentOf(open.carrier ?? '', open.trackingNo ?? '') });
        open.status = progress(open);
        continue;
      }

      const rawTotal = cellAt(cells, col.total.index);
      const currency = currencyOf(rawTotal, ctx.currency);
      const total = amountOf(rawTotal, currency);
      if (total === undefined) {
        book.reject(record, line, { column: col.total.name, ...said('notAmount', { value: rawTotal, example: '$12.90' }) });
        continue;
      }
      const placedAt = date(cellAt(cells, col.saleDate.index));
      if (placedAt === undefined) {
        book.reject(record, line, { column: col.saleDate.name, ...said('notDate', { value: cellAt(cells, col.saleDate.index), example: 'Mar-04-26' }) });
        continue;
      }
      const paidAt = date(cellAt(cells, col.paidOn.index));
      const shippedAt = date(cellAt(cells, col.shippedOn.index));
      const handle = cellAt(cells, col.username.index);
      const email = usableEmail(cellAt(cells, col.email.index));
      const phone = usablePhone(cellAt(cells, col.phone.index));
      if (!handle && !email && !phone) {
        book.reject(record, line, { column: col.username.name, ...said('noBuyerNoContact') });
        continue;
      }
      const deliveredAt = date(cellAt(cells, col.deliveredOn.index));
      const status = progress({ paidAt, shippedAt, deliveredAt });
      book.open(record, {
        platform: ctx.platform,
        // An order never checked out has no order number yet: its sales record number stands in.
        orderNo: cellAt(cells, col.orderNo.index) || record,
        buyer: { handle: handle || undefined, name: cellAt(cells, col.name.index) || undefined, phone, email },
        amountMinor: total,
        currency,
        status,
        placedAt,
        paidAt,
        shippedAt,
        deliveredAt,
        ...shipmentOf(cellAt(cells, col.carrier.index), cellAt(cells, col.trackingNo.index)),
        items: item ? [item] : [],
      });
    }
    return book.result();
  },
});
