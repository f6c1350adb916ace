import { firstElement, textOf } from '../read';
import type { DetectedBuyer } from '../types';

// The open conversation is the panel around the composer: the conversation list beside it also
// renders buyer names, so reading the whole page would pick the wrong buyer (Makaytron's
// Etsy Message Assistant scopes to the composer's panel for this reason; its tests, 2026-08).
const COMPOSER = 'textarea.new-message-textarea-min-height';
const HEADER = 'h3.buyer-name';

// Inside that panel, most stable first (Makaytron …Message-Assistant.user.js, 2026-08; MARKETPLACES.md):
// the header's profile link /people/{username}, then the thread's masked profile link. The username
// comes from the href, so the text (display name) never becomes the handle. Confidence M.
const CHAT_PROFILE_LINKS = [`${HEADER} a[href*="/people/"]`, 'a[href*="/people/"][class*="fs-mask"]'] as const;

// Order overlay (Etsy's peek panel over /your/orders/sold): a 2026 Etsy order scraper (unattr.)
// finds it as [class*="peek-overlay"], else [data-clg-id="WtTabPanel"]. That the buyer's
// /people/ link sits in it is our assumption. Confidence L.
const ORDER_PANELS = ['[class*="peek-overlay"]', '[data-clg-id="WtTabPanel"]', '.order-details-panel'] as const;

function usernameOf(link: Element | undefined): string | undefined {
  const match = /\/people\/([^/?#]+)/.exec(link?.getAttribute('href') ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function openConversation(root: ParentNode): Element | undefined {
  for (let el = root.querySelector(COMPOSER)?.parentElement; el; el = el.parentElement) {
    if (el.querySelector(HEADER)) return el;
  }
  return undefined;
}

export function findEtsyChatBuyer(root: ParentNode): DetectedBuyer | undefined {
  const panel = openConversation(root);
  if (!panel) return undefined;
  const link = firstElement(panel, CHAT_PROFILE_LINKS);
  const handle = usernameOf(link);
  if (!handle) return undefined;
  const name = textOf(panel.querySelector(HEADER)) || textOf(link) || undefined;
  return { handle, name };
}

export function findEtsyOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const panel = firstElement(root, ORDER_PANELS);
  const link = panel ? firstElement(panel, ['a[href*="/people/"][class*="fs-mask"]', 'a[href*="/people/"]']) : undefined;
  const handle = usernameOf(link);
  return handle ? { handle, name: textOf(link) || undefined } : undefined;
}
