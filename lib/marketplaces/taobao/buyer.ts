import { firstElement, spacedText, textOf } from '../read';
import type { DetectedBuyer } from '../types';

// Chat (the history micro-app): each message is a CSS-module [class*="chatWrap"] with
// [class*="chatName"] (sender), [class*="chatTime"] and [class*="chatTextLeft"] for received text
// (a 2026 Qianniu history exporter's notes, unattr.; the iframe host from Xpectuer/LibianCrawlers).
// There is no header hook for the open customer, so the buyer is the sender of the received
// (left-hand) messages — and only when they all name the same person. Confidence L.
const MESSAGE = '[class*="chatWrap"]';
const RECEIVED_TEXT = '[class*="chatTextLeft"]';
const SENDER = '[class*="chatName"]';

export function findTaobaoChatBuyer(root: ParentNode): DetectedBuyer | undefined {
  const senders = new Set<string>();
  for (const message of Array.from(root.querySelectorAll(MESSAGE))) {
    if (!message.querySelector(RECEIVED_TEXT)) continue;
    const name = textOf(message.querySelector(SENDER));
    if (name) senders.add(name);
  }
  if (senders.size !== 1) return undefined;
  const [handle] = senders;
  return handle ? { handle } : undefined;
}

// Order detail (Qianniu tp/detail): the "交易信息 … 买家信息 昵称：旺旺在线蒲** …" block of
// div[class^="detail_tabs-container-layout"] (beak2825/greasyfork_archives js_greasyfork/467154.js,
// 2023–2026; the class is a CSS-module prefix, so matched as a prefix). The nick is masked ("蒲**")
// until the seller flips the sensitive-info switch; a masked nick names nobody, so it is not
// returned. The 旺旺在线/离线 text is the chat icon's label, not part of the nick. Confidence L.
const DETAIL_SELECTORS = ['[class^="detail_tabs-container-layout"]', '[class*="detail_tabs-container"]', '[class*="buyer-info"]'] as const;
const NICK = /(?:买家信息)?\s*昵称\s*[:：]\s*(?:旺旺(?:在线|离线))?\s*([^\s:：]+?)(?=\s|支付宝|$)/;

export function findTaobaoOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const block = firstElement(root, DETAIL_SELECTORS);
  const nick = NICK.exec(spacedText(block))?.[1];
  if (!nick || nick.includes('*')) return undefined;
  return { handle: nick };
}
