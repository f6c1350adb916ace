import { firstElement, textOf } from '../read';
import type { DetectedBuyer } from '../types';

// Chat: Shopee shows no buyer in a header hook; the selected row of the conversation list carries
// data-cy="webchat-conversation-cell-root-current" (the other rows "…-cell-root…"), and its name cell
// holds the username in a title attribute. Seen 2026 in a public Shopee chat bot's
// SHOPEE_CONVERSATION_JS and its tests (unattr.); cell-name/title also in three Shopee chat bots and
// cindung/auto_reply_shopee src/selectors.js ('[data-cy="webchat-conversation-cell-container"] [title]').
// data-cy is Shopee's test hook, not a hashed class. Confidence M. Most stable first:
const CHAT_BUYER_SELECTORS = [
  '[data-cy="webchat-conversation-cell-root-current"] [data-cy="webchat-conversation-cell-name"][title]',
  '[data-cy="webchat-conversation-cell-root-current"] [data-cy="webchat-conversation-cell-name"]',
] as const;

// Order detail: the buyer's username. `.buyer-username` is the list card's header
// (mzainulirfan/packcam apps/shopee-extension/content.js, 2026; Shopee BR DOM notes 2026-10-08,
// unattr.); that the detail page's buyer card uses the same class is our assumption. Confidence L.
const ORDER_BUYER_SELECTORS = ['.buyer-info .buyer-username', '.buyer-username', '[class*="buyer-username"]'] as const;

export function findShopeeChatBuyer(root: ParentNode): DetectedBuyer | undefined {
  const cell = firstElement(root, CHAT_BUYER_SELECTORS);
  const handle = (cell?.getAttribute('title') || textOf(cell)).trim();
  return handle ? { handle } : undefined;
}

export function findShopeeOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const handle = textOf(firstElement(root, ORDER_BUYER_SELECTORS));
  return handle ? { handle } : undefined;
}
