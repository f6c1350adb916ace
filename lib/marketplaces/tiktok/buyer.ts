import { firstElement, labelledValue, textOf } from '../read';
import type { DetectedBuyer } from '../types';

// Chat: each conversation is [data-testid="chat.chatroom.conversation_card"] with the buyer's
// username in [data-testid="chat.chatroom.conversation_card_username"] (three independent 2026
// scripts, unattr.; rows also carry id="chat-room-conversation-list-item-{n}"). How the open card is
// marked was not seen in public code: we accept aria-selected/aria-current or a class containing
// "selected"/"active" (TikTok's Pulse UI names states that way, e.g. .p-menu-item-selected).
// Confidence M for the card hooks, L for the selected state — and no card, no buyer.
const CARD = '[data-testid="chat.chatroom.conversation_card"]';
const USERNAME = '[data-testid="chat.chatroom.conversation_card_username"]';
const SELECTED_CARD = [
  `${CARD}[aria-selected="true"]`,
  `${CARD}[aria-current="true"]`,
  `${CARD}[class*="selected"]`,
  `${CARD}[class*="active"]`,
  `[id^="chat-room-conversation-list-item"][aria-selected="true"] ${CARD}`,
  `[id^="chat-room-conversation-list-item"][class*="selected"] ${CARD}`,
  `[id^="chat-room-conversation-list-item"][class*="active"] ${CARD}`,
] as const;

export function findTiktokChatBuyer(root: ParentNode): DetectedBuyer | undefined {
  const card = firstElement(root, SELECTED_CARD);
  const handle = textOf(card?.querySelector(USERNAME));
  return handle ? { handle } : undefined;
}

// Order detail: scripts find the buyer by the "User name" label under "Customer details"
// (unattr.); TikTok masks personal data with "*", and a masked username names nobody. L.
const USERNAME_LABELS = ['User name', 'Username', 'Buyer username'] as const;

export function findTiktokOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const handle = labelledValue(root, USERNAME_LABELS)?.replace(/^@/, '');
  if (!handle || handle.includes('*')) return undefined;
  return { handle };
}
