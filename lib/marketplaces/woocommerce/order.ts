import type { OrderStatus } from '../../domain/types';
import { textOf } from '../read';
import type { CapturedOrder } from '../types';
import { findWoocommerceBuyer } from './buyer';
import { woocommerceOrderIdOf } from './urls';

// Fields of the order edit screen, from the WooCommerce source (H):
// class-wc-meta-box-order-data.php — input[name=order_date] (Y-m-d) with order_date_hour/_minute,
// select#order_status (values wc-pending, wc-processing, …); views/html-order-items.php —
// table.wc-order-totals, the "Order Total:" row's td.total. The totals print a symbol, not a code,
// so no currency is read. "Completed" is WooCommerce's last state (fulfilled; it tracks no
// delivery), mapped like TikTok's "Completed"; a failed payment never became a sale.
const STATUS: Readonly<Record<string, OrderStatus>> = {
  'wc-pending': 'unpaid',
  'wc-on-hold': 'unpaid',
  'wc-checkout-draft': 'unpaid',
  'wc-processing': 'paid',
  'wc-completed': 'delivered',
  'wc-cancelled': 'cancelled',
  'wc-failed': 'cancelled',
  'wc-refunded': 'refunded',
};

function orderTotal(root: ParentNode): string | undefined {
  for (const row of Array.from(root.querySelectorAll('table.wc-order-totals tr'))) {
    if (/^order total:?$/i.test(textOf(row.querySelector('td.label')))) return textOf(row.querySelector('td.total')) || undefined;
  }
  return undefined;
}

function placedAt(box: Element): string | undefined {
  const date = box.querySelector('input[name="order_date"]')?.getAttribute('value')?.trim();
  if (!date) return undefined;
  const hour = box.querySelector('input[name="order_date_hour"]')?.getAttribute('value')?.trim();
  const minute = box.querySelector('input[name="order_date_minute"]')?.getAttribute('value')?.trim();
  return hour && minute ? `${date} ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` : date;
}

export function readWoocommerceOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = woocommerceOrderIdOf(url);
  const box = root.querySelector('#order_data');
  if (!orderNo || !box) return undefined;
  const selected = box.querySelector('select#order_status option[selected]') ?? box.querySelector('select#order_status option');
  const value = selected?.getAttribute('value') ?? '';
  return {
    orderNo,
    buyer: findWoocommerceBuyer(root),
    amountText: orderTotal(root),
    placedAtText: placedAt(box),
    statusText: textOf(selected) || undefined,
    status: STATUS[value],
  };
}
