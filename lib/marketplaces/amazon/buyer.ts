import { firstText } from '../read';
import type { DetectedBuyer } from '../types';

// Amazon gives sellers no buyer handle: the buyer appears by name (often a first name only), the
// same string its order reports carry as buyer-name. So the name is the handle; two buyers with one
// name will look alike, and the agent can correct it by hand.

// Contact form header "Send message to NAME" (hung303mc/chrome_extension_amz_bkteam
// scripts/amazon_message_automation.js, 2025). The form's textarea is a kat-textarea with shadow DOM;
// the header is plain DOM. Confidence M. The messaging inbox has no known hook: no buyer there.
const CONTACT_HEADER = ['.ayb-contact-buyer-header h2'] as const;

// Order detail, most stable first: data-test-id="buyer-name-with-link" (~10 public scripts, unattr.,
// e.g. an FBA scraper's notes and MYO order-list exporters), then the contact-buyer value in the
// shipping section (the same FBA notes' second attempt). Confidence M.
const ORDER_BUYER = ['[data-test-id="buyer-name-with-link"]', '[data-test-id="shipping-section-contact-buyer-value"]'] as const;

function asBuyer(name: string | undefined): DetectedBuyer | undefined {
  return name ? { handle: name, name } : undefined;
}

export function findAmazonChatBuyer(root: ParentNode): DetectedBuyer | undefined {
  const header = firstText(root, CONTACT_HEADER);
  return asBuyer(header?.replace(/^Send (a )?message to\s+/i, '').trim());
}

export function findAmazonOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  return asBuyer(firstText(root, ORDER_BUYER));
}
