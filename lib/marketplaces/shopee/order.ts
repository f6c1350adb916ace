import { currencyShown, firstText, labelledValue, statusFrom, type StatusWords } from '../read';
import type { CapturedOrder } from '../types';
import { findShopeeOrderBuyer } from './buyer';
import { shopeeOrderIdOf } from './urls';

// The order detail page (/portal/sale/order/{id}). Shopee renders it in the seller's language; the
// words below are English, Portuguese (BR) and Indonesian. Sources: Shopee BR DOM notes 2026-10-08
// (unattr.: `span.order-sn` "ID do Pedido 261005TENXFJXK", `.status-wrapper span.status`,
// `.total-price`, card [data-testid="odp-order-payment"]); packcam content.js (`.order-sn`, the
// "Order ID / No. Pesanan" label). Detail-page hooks beyond the payment card are our assumption. L–M.
const ORDER_SN_SELECTORS = ['.order-sn', '[data-copy-helper-ready="order_number"]'] as const;
const STATUS_SELECTORS = ['.order-status .status', '.status-wrapper .status', '[class*="order-status"] [class*="status-title"]'] as const;
const AMOUNT_SELECTORS = ['[data-testid="odp-order-payment"] .total-price', '.total-price'] as const;
const AMOUNT_LABELS = ['Order Total', 'Order Amount', 'Buyer Payment', 'Valor final', 'Pagamento do comprador', 'Total Pesanan'] as const;
const PLACED_LABELS = ['Order Creation Time', 'Order Time', 'Data de criação do pedido', 'Waktu Pesanan Dibuat'] as const;

const STATUS_WORDS: StatusWords = [
  [/return|refund|devolu|reembolso|pengembalian/i, 'refunded'],
  [/cancel|dibatalkan/i, 'cancelled'],
  [/unpaid|não pago|belum bayar/i, 'unpaid'],
  [/to ship|a enviar|perlu dikirim/i, 'paid'],
  [/completed|concluído|pedido recebido|selesai/i, 'delivered'],
  [/shipping|shipped|enviado|dikirim/i, 'shipped'],
];

/** "ID do Pedido 261005TENXFJXK", "Order ID 2403…", "No. Pesanan …" → the SN alone. */
function orderSnOf(text: string | undefined): string | undefined {
  return text?.match(/([0-9]{6}[0-9A-Z]{6,})\s*$/)?.[1];
}

export function readShopeeOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  // The Order ID (SN) is what buyers quote and what Shopee's exports carry; the URL holds only the
  // internal order_id, so the URL is the fallback here rather than the first choice.
  const orderNo = orderSnOf(firstText(root, ORDER_SN_SELECTORS)) ?? shopeeOrderIdOf(url);
  if (!orderNo) return undefined;
  const amountText = firstText(root, AMOUNT_SELECTORS) ?? labelledValue(root, AMOUNT_LABELS);
  const statusText = firstText(root, STATUS_SELECTORS);
  return {
    orderNo,
    buyer: findShopeeOrderBuyer(root),
    amountText,
    currency: currencyShown(amountText),
    placedAtText: labelledValue(root, PLACED_LABELS),
    statusText,
    status: statusFrom(statusText, STATUS_WORDS),
  };
}
