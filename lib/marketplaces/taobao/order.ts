import { spacedText, statusFrom, type StatusWords } from '../read';
import type { CapturedOrder } from '../types';
import { findTaobaoOrderBuyer } from './buyer';
import { taobaoOrderIdOf } from './urls';

// The Qianniu order detail reads as labelled text (CSS-module classes change per release):
// "订单编号:N 成交时间:2023-05-25 16:13:16 …" in the detail tab (greasyfork 467154, 2023–2026) and
// "订单状态：…" (a Tmall order-note tool dated 2026-09-27, unattr.). The amount label 实收款 is
// Qianniu's wording for what the buyer paid; its place on the page is our assumption (L).
const PLACED = /成交时间\s*[:：]\s*(\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}(?::\d{2})?)/;
const STATUS = /订单状态\s*[:：]\s*(\S+?)(?=\s|订单编号|$)/;
const AMOUNT = /实收款\s*[:：]?\s*([¥￥]\s*[\d,]+(?:\.\d+)?)/;

const STATUS_WORDS: StatusWords = [
  [/退款成功|已退款/, 'refunded'],
  [/交易关闭|已取消/, 'cancelled'],
  [/等待买家付款|待付款/, 'unpaid'],
  [/买家已付款|等待卖家发货|待发货/, 'paid'],
  [/卖家已发货|等待买家确认收货|已发货/, 'shipped'],
  [/交易成功|已签收/, 'delivered'],
];

export function readTaobaoOrder(root: ParentNode, url: URL): CapturedOrder | undefined {
  const orderNo = taobaoOrderIdOf(url);
  if (!orderNo) return undefined;
  // The whole page: the status sits above the detail tab, the times inside it (the note tool reads body text).
  const text = spacedText(root as unknown as Node);
  const amountText = AMOUNT.exec(text)?.[1];
  const statusText = STATUS.exec(text)?.[1];
  return {
    orderNo,
    buyer: findTaobaoOrderBuyer(root),
    amountText,
    // Taobao and Tmall sell in yuan only; the ¥ on these pages is never yen.
    currency: amountText ? 'CNY' : undefined,
    placedAtText: PLACED.exec(text)?.[1],
    statusText,
    status: statusFrom(statusText, STATUS_WORDS),
  };
}
