import { firstElement, labelledValue, textOf } from '../read';
import type { DetectedBuyer } from '../types';

// Messages: no DOM hook for the other member is known (MARKETPLACES.md). The contact form names
// the member in its URL, /cnt/interact?requested={username} (public eBay tools, unattr.). M.
export function findEbayChatBuyer(_root: ParentNode, url: URL): DetectedBuyer | undefined {
  const handle = url.searchParams.get('requested')?.trim();
  return handle ? { handle } : undefined;
}

// Order detail, most stable first:
// 1. the "Contact buyer" link, whose requested= names the buyer's user id (URL shape as above; its
//    presence on the order page is our assumption, L);
// 2. a profile link /usr/{username} inside a buyer block (eBay's public profile URL; placement L);
// 3. the text after the "Buyer" / "Sold to" label (LittleZoski/Amazon-scraping-extension
//    src/extractors/OrderDataExtractor.js reads it from the page text, 2025). M.
const CONTACT_LINKS = ['a[href*="/cnt/interact"][href*="requested="]', 'a[href*="/cnt/"][href*="requested="]'] as const;
const PROFILE_LINKS = ['[class*="buyer"] a[href*="/usr/"]'] as const;
const BUYER_LABELS = ['Buyer', 'Buyer username', 'Buyer user ID', 'Sold to'] as const;

export function findEbayOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const contact = firstElement(root, CONTACT_LINKS)?.getAttribute('href');
  if (contact) {
    const handle = new URL(contact, 'https://www.ebay.com').searchParams.get('requested')?.trim();
    if (handle) return { handle };
  }
  const profile = firstElement(root, PROFILE_LINKS);
  const fromProfile = /\/usr\/([^/?#]+)/.exec(profile?.getAttribute('href') ?? '')?.[1];
  if (fromProfile) return { handle: decodeURIComponent(fromProfile), name: textOf(profile) || undefined };
  // A user id has no spaces; the label's value may add a feedback score, "jdoe_42 (1234 ★)". A value
  // with spaces is a person's name, not a user id, and is not taken.
  const labelled = /^([\w.*-]+)(\s*\(.*\))?$/.exec(labelledValue(root, BUYER_LABELS) ?? '')?.[1];
  return labelled ? { handle: labelled } : undefined;
}
