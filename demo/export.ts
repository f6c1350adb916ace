// The demo shop's order export, in the shape of TikTok Shop Seller Center's order export CSV
// ("Orders → Manage orders → Export", one row per SKU line with the order's fields repeated).
//
// Sources (public material, read 2026; none checked against a live Seller Center):
// - Column list and order: the TikTok US Shop export as listed in WorldFirst's guide
//   https://amz123.com/guide/worldfirst/pcZeahOp (Order ID … Shipping Information, with State / City /
//   Zipcode for US addresses). The same columns up to "Seller Note" appear in parsers of other
//   regions' exports: jeffpham2906/JP-Manager server/types/order.d.ts (VN), and several unattributed
//   parsers (ID, PH, MY), some of which end with "Checked Status", "Checked Marked by",
//   "Order Channel", "Creator Handle": newer or regional exports add columns, so importers must key
//   by header name, never by position.
// - That guide also says a second row sometimes holds an official description of each field
//   (the VN parsers skip "row 2"); `ordersCsv(seed, { descriptionRow: true })` reproduces it.
// - Trailing tab: unattributed parsers strip "\t" from Order ID, SKU ID, Package ID and the time
//   columns, and one test fixture notes that an empty tab-padded cell is a lone "\t".
// - Date format: "MM/DD/YYYY h:mm:ss AM" — a parser comment quotes "12/15/2025 9:30:33 AM" from a
//   real export; another says "MM/DD/YYYY HH:mm:ss AM/PM". Zero-padding of month and day follows a
//   fixture ("06/10/2026 07:00:00", 24-hour, from an Indonesian export). PLAUSIBLE, not confirmed.
//   Times are written in the shop's time zone (option `timeZone`, default UTC); the file carries no zone.
// - Status words: Order Status "Unpaid", "To ship", "Shipped", "Completed", "Cancelled" (Seller Center
//   tabs); a Spanish export shows Status "Enviado" + Substatus "Entregado" for delivered orders not
//   yet completed. Substatus words ("Awaiting shipment", "In transit", "Delivered") are the English
//   forms of the API's AWAITING_SHIPMENT / IN_TRANSIT / DELIVERED. PLAUSIBLE.
// - "Cancelation/Return Type": "Cancel" or "Return/Refund" (ComaGear/shopeesalescoverter
//   OrderReportTikTokOrderColumn.java names the "Return/Refund" value).
// - "Phone #" as "(+65)91234567": a TikTok export parser strips "(+39)"-style prefixes. PLAUSIBLE.
//   Real exports may mask recipient data ("***"); this demo never masks. There is no e-mail column.
//
// How a refunded order reads (our choice where the sources are silent): Order Status "Cancelled",
// Substatus "Cancelled", Cancelation/Return Type "Return/Refund", Sku Quantity of return = Quantity,
// Order Refund Amount = Order Amount, Shipped/Delivered Time kept, Cancelled Time = refund time.
// A cancelled order has Cancelation/Return Type "Cancel" (refund amount = amount if it was paid).

import type { DemoBuyer, DemoOrder, DemoOrderItem, DemoSeed } from './seed';

export interface OrdersCsvOptions {
  /** IANA zone the times are written in; default UTC. */
  timeZone?: string;
  /** Add TikTok's second row of field descriptions. Default false. */
  descriptionRow?: boolean;
}

interface Line {
  order: DemoOrder;
  item: DemoOrderItem;
  buyer: DemoBuyer | undefined;
}

interface Column {
  header: string;
  value: (line: Line, fmt: (t: number | undefined) => string) => string;
  /** Written with a trailing tab so spreadsheets keep long digit strings as text. */
  tab?: true;
  description?: string;
}

const money = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** Status words as the export writes them; see the header comment for sources. */
export function tiktokStatus(order: DemoOrder, anchor: number): { status: string; substatus: string } {
  switch (order.status) {
    case 'unpaid': return { status: 'Unpaid', substatus: 'Unpaid' };
    case 'paid': return { status: 'To ship', substatus: 'Awaiting shipment' };
    case 'shipped': return { status: 'Shipped', substatus: 'In transit' };
    case 'delivered':
      // Delivered orders stay "Shipped / Delivered" until the after-sales window closes.
      return anchor - (order.deliveredAt ?? 0) < 15 * 86_400_000
        ? { status: 'Shipped', substatus: 'Delivered' }
        : { status: 'Completed', substatus: 'Completed' };
    case 'cancelled':
    case 'refunded':
      return { status: 'Cancelled', substatus: 'Cancelled' };
  }
}

function refundMinor(order: DemoOrder): number {
  if (order.status === 'refunded') return order.amountMinor;
  if (order.status === 'cancelled' && order.paidAt !== undefined) return order.amountMinor;
  return 0;
}

function phoneForExport(e164: string): string {
  // "+6591234567" → "(+65)91234567"; the country code is 1–3 digits.
  const m = /^\+(1|2[0-9]|3[0-9]|4[0-9]|5[1-8]|6[0-6]|7|8[1-6]|9[0-58]|\d{3})(\d+)$/.exec(e164);
  return m ? `(+${m[1]})${m[2]}` : e164;
}

function makeColumns(anchor: number): Column[] {
  const z = () => '0.00';
  return [
    { header: 'Order ID', tab: true, value: (l) => l.order.orderNo, description: 'Platform unique order ID.' },
    { header: 'Order Status', value: (l) => tiktokStatus(l.order, anchor).status, description: 'Current order status.' },
    { header: 'Order Substatus', value: (l) => tiktokStatus(l.order, anchor).substatus, description: 'Current order substatus.' },
    {
      header: 'Cancelation/Return Type',
      value: (l) => (l.order.status === 'refunded' ? 'Return/Refund' : l.order.status === 'cancelled' ? 'Cancel' : ''),
      description: 'The field to explain the order is in cancellation or in return/refund.',
    },
    { header: 'Normal or Pre-order', value: () => 'Normal', description: 'Normal order or pre-order.' },
    { header: 'SKU ID', tab: true, value: (l) => l.item.skuId, description: 'Platform SKU ID.' },
    { header: 'Seller SKU', value: (l) => l.item.sku, description: 'Seller SKU input by the seller in the product system.' },
    { header: 'Product Name', value: (l) => l.item.title, description: 'Platform product name.' },
    { header: 'Variation', value: (l) => l.item.variation, description: 'Platform SKU variation.' },
    { header: 'Quantity', value: (l) => String(l.item.quantity), description: 'SKU sold quantity in the order.' },
    {
      header: 'Sku Quantity of return',
      value: (l) => (l.order.status === 'refunded' ? String(l.item.quantity) : '0'),
      description: 'SKU returned quantity in the order.',
    },
    { header: 'SKU Unit Original Price', value: (l) => money(l.item.unitPriceMinor), description: '1 SKU original price.' },
    {
      header: 'SKU Subtotal Before Discount',
      value: (l) => money(l.item.unitPriceMinor * l.item.quantity),
      description: 'It equals to SKU Unit Original Price * Quantity.',
    },
    { header: 'SKU Platform Discount', value: z, description: 'Total platform discount in this SKU ID.' },
    { header: 'SKU Seller Discount', value: z, description: 'Total seller discount in this SKU ID.' },
    {
      header: 'SKU Subtotal After Discount',
      value: (l) => money(l.item.unitPriceMinor * l.item.quantity),
      description: 'SKU subtotal after platform and seller discounts.',
    },
    { header: 'Shipping Fee After Discount', value: (l) => money(l.order.shippingMinor), description: 'Shipping fee paid by the buyer.' },
    { header: 'Original Shipping Fee', value: (l) => money(l.order.shippingMinor), description: 'Shipping fee before discounts.' },
    { header: 'Shipping Fee Seller Discount', value: z },
    { header: 'Shipping Fee Platform Discount', value: z },
    { header: 'Payment platform discount', value: z },
    { header: 'Retail Delivery Fee', value: z },
    { header: 'Taxes', value: z },
    { header: 'Order Amount', value: (l) => money(l.order.amountMinor), description: 'Total amount paid by the buyer for the order.' },
    { header: 'Order Refund Amount', value: (l) => money(refundMinor(l.order)), description: 'Amount refunded to the buyer.' },
    { header: 'Created Time', tab: true, value: (l, f) => f(l.order.placedAt), description: 'Time the order was placed.' },
    { header: 'Paid Time', tab: true, value: (l, f) => f(l.order.paidAt) },
    {
      header: 'RTS Time',
      tab: true,
      // Ready to ship: packed a few hours before the carrier collected it.
      value: (l, f) => f(l.order.shippedAt !== undefined ? l.order.shippedAt - 3 * 3_600_000 : undefined),
    },
    { header: 'Shipped Time', tab: true, value: (l, f) => f(l.order.shippedAt) },
    { header: 'Delivered Time', tab: true, value: (l, f) => f(l.order.deliveredAt) },
    { header: 'Cancelled Time', tab: true, value: (l, f) => f(l.order.cancelledAt ?? l.order.refundedAt) },
    { header: 'Cancel By', value: (l) => l.order.cancelledBy ?? '' },
    { header: 'Cancel Reason', value: (l) => l.order.cancelReason ?? '' },
    { header: 'Fulfillment Type', value: () => 'Fulfillment by seller' },
    { header: 'Warehouse Name', value: () => 'Demo Market Warehouse' },
    { header: 'Tracking ID', tab: true, value: (l) => l.order.trackingId ?? '' },
    { header: 'Delivery Option Type', value: () => 'Home delivery' },
    { header: 'Delivery Option', value: () => 'Standard shipping' },
    { header: 'Shipping Provider Name', value: (l) => (l.order.shippedAt !== undefined ? l.order.carrier : '') },
    { header: 'Buyer Message', value: (l) => l.order.buyerMessage ?? '' },
    { header: 'Buyer Username', value: (l) => l.order.handle, description: 'Buyer username on the platform.' },
    { header: 'Recipient', value: (l) => l.buyer?.name ?? '' },
    { header: 'Phone #', value: (l) => (l.buyer ? phoneForExport(l.buyer.phone) : '') },
    { header: 'Country', value: (l) => l.buyer?.country ?? '' },
    { header: 'State', value: (l) => l.buyer?.state ?? '' },
    { header: 'City', value: (l) => l.buyer?.city ?? '' },
    { header: 'Zipcode', tab: true, value: (l) => l.buyer?.zipcode ?? '' },
    { header: 'Detail Address', value: (l) => l.buyer?.address ?? '' },
    { header: 'Additional address information', value: (l) => l.buyer?.address2 ?? '' },
    { header: 'House Name or Number', value: () => '' },
    { header: 'Delivery Instruction', value: () => '' },
    { header: 'Payment Method', value: (l) => (l.order.paidAt !== undefined ? l.order.paymentMethod : '') },
    {
      header: 'Weight(kg)',
      value: (l) => (l.order.items.reduce((g, it) => g + it.weightGrams * it.quantity, 0) / 1000).toFixed(2),
    },
    { header: 'Product Category', value: (l) => l.item.category },
    { header: 'Package ID', tab: true, value: (l) => l.order.packageId ?? '' },
    { header: 'Seller Note', value: (l) => l.order.sellerNote ?? '' },
    { header: 'Shipping Information', value: () => '' },
  ];
}

/** The header row of the export, in order. */
export const ORDER_CSV_HEADERS: readonly string[] = makeColumns(0).map((c) => c.header);

/** Headers whose values carry a trailing tab. */
export const TAB_PADDED_HEADERS: readonly string[] = makeColumns(0).filter((c) => c.tab).map((c) => c.header);

/** A date formatter in the export's format: "MM/DD/YYYY h:mm:ss AM". */
export function exportTime(timeZone = 'UTC'): (t: number | undefined) => string {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true,
  });
  return (t) => {
    if (t === undefined) return '';
    const p: Record<string, string> = {};
    for (const part of dtf.formatToParts(t)) p[part.type] = part.value;
    return `${p.month}/${p.day}/${p.year} ${p.hour}:${p.minute}:${p.second} ${p.dayPeriod}`;
  };
}

/** RFC 4180: quote a field holding a comma, a double quote, CR or LF; double the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole export as text: UTF-8 BOM, CRLF line ends, newest order first, one row per SKU line. */
export function ordersCsv(seed: DemoSeed, options: OrdersCsvOptions = {}): string {
  const columns = makeColumns(seed.anchor);
  const fmt = exportTime(options.timeZone);
  const buyers = new Map(seed.buyers.map((b) => [b.handle, b] as const));
  const rows: string[] = [columns.map((c) => csvField(c.header)).join(',')];
  if (options.descriptionRow) rows.push(columns.map((c) => csvField(c.description ?? '')).join(','));
  for (const order of seed.orders) {
    for (const item of order.items) {
      const line: Line = { order, item, buyer: buyers.get(order.handle) };
      rows.push(columns.map((c) => csvField(c.tab ? `${c.value(line, fmt)}\t` : c.value(line, fmt))).join(','));
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The file name the server offers, e.g. Demo_Market_orders_20260510.csv. */
export function ordersCsvFileName(anchor: number): string {
  const d = new Date(anchor);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `Demo_Market_orders_${ymd}.csv`;
}
