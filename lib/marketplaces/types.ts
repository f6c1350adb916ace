// What a marketplace adapter is: pure functions of a URL and a document, one folder per site.
import type { Platform } from '../domain/rows';
import type { OrderStatus } from '../domain/types';

export type PageKind = 'chat' | 'order';

export interface DetectedBuyer {
  /** The buyer's handle on this platform, as shown (normalised by the store). */
  handle: string;
  name?: string | undefined;
}

/** An order as read off an order-detail page: raw texts, parsed by the caller in the shop's zone. */
export interface CapturedOrder {
  orderNo: string;
  buyer?: DetectedBuyer | undefined;
  /** e.g. "$123.45", "RM 12.90", "¥1,234" */
  amountText?: string | undefined;
  /** ISO 4217 when the page says it (data attribute, code beside the amount). */
  currency?: string | undefined;
  /** e.g. "03/04/2026 13:05", an ISO string from a <time datetime> */
  placedAtText?: string | undefined;
  statusText?: string | undefined;
  /** The status mapped to ours, when the adapter knows the site's words. */
  status?: OrderStatus | undefined;
  /** The carrier and tracking number, once the page shows them (for the shipping notice). */
  carrier?: string | undefined;
  trackingNo?: string | undefined;
}

/**
 * Where the panel goes on this page: 'beside' (the default) as the last child of `parent`, a column
 * of its own beside the chat; 'top' as the first child of `parent`, a side column of the page's
 * own (as narrow as 260 px), taking its width.
 */
export interface PanelAnchor {
  parent: Element;
  placement?: 'beside' | 'top' | undefined;
}

export interface MarketplaceAdapter {
  id: Platform;
  /** Shown to the user when enabling the site. */
  name: string;
  /**
   * Chrome match patterns of the hosts this adapter serves: asked for as optional host
   * permissions when the user enables the marketplace, and where the content script is registered.
   */
  hostPatterns: readonly string[];
  /** Does this adapter own this URL? Pure: no DOM. */
  matches(url: URL): boolean;
  /** Which of the site's pages this is, if any we serve. */
  pageKind(url: URL): PageKind | undefined;
  /** The buyer shown on the page right now, if any. */
  findBuyer(root: ParentNode, url: URL): DetectedBuyer | undefined;
  /** On an order-detail page: the order as shown. */
  readOrder?(root: ParentNode, url: URL): CapturedOrder | undefined;
  /** A column beside the chat for the panel; the panel floats at the right edge when there is none. */
  anchor?(root: ParentNode, url: URL): PanelAnchor | undefined;
}
