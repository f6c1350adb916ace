import { textOf } from '../read';
import type { DetectedBuyer } from '../types';

// Order page: Polaris classes are hashed (.Polaris-CardSection_12gvu), so no class is used
// (strawberry/shopify-chrome-extension README.md avoids them for that reason). No public code reads
// the customer off the order page (MARKETPLACES.md): this is our assumption, L. The customer card
// links to /customers/{id} and shows the e-mail as a mailto: link; Shopify customers have no
// handle, and the e-mail is what its order exports carry, so the e-mail is the handle.
const CUSTOMER_LINK = 'a[href*="/customers/"]';
const MAILTO = 'a[href^="mailto:"]';
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function emailOf(link: Element | null): string | undefined {
  const email = decodeURIComponent((link?.getAttribute('href') ?? '').replace(/^mailto:/i, '').split('?')[0] ?? '').trim();
  return email.includes('@') ? email : undefined;
}

export function findShopifyOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const customer = Array.from(root.querySelectorAll(CUSTOMER_LINK)).find((a) => /\/customers\/\d+\/?$/.test(a.getAttribute('href') ?? ''));
  if (!customer) return undefined;
  // The card: the nearest ancestor, a few levels up at most, holding a mailto: link that follows the
  // customer's name — not a staff or store address elsewhere on the page.
  const follows = (a: Element): boolean => (customer.compareDocumentPosition(a) & FOLLOWING) !== 0;
  let mail: Element | undefined;
  for (let card = customer.parentElement, depth = 0; card && depth < 4 && !mail; card = card.parentElement, depth += 1) {
    mail = Array.from(card.querySelectorAll(MAILTO)).find(follows);
  }
  const handle = emailOf(mail ?? null);
  return handle ? { handle, name: textOf(customer) || undefined } : undefined;
}

// Shopify Inbox renders the conversation in its own iframe; nothing to read from the admin page.
export function findShopifyChatBuyer(_root: ParentNode): DetectedBuyer | undefined {
  return undefined;
}
