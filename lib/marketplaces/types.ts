// What a marketplace adapter is: pure functions of a URL and a document, one folder per site.
import type { Platform } from '../db/rows';

export type PageKind = 'chat' | 'order';

export interface DetectedBuyer {
  /** The buyer's handle on this platform, as shown (normalised by the store). */
  handle: string;
  name?: string | undefined;
}

/** Where the panel goes on this page: as the last child of `parent` (a column beside the chat). */
export interface PanelAnchor {
  parent: Element;
}

export interface MarketplaceAdapter {
  id: Platform;
  /** Does this adapter own this URL? Pure: no DOM. */
  matches(url: URL): boolean;
  /** Which of the site's pages this is, if any we serve. */
  pageKind(url: URL): PageKind | undefined;
  /** The buyer shown on the page right now, if any. */
  findBuyer(root: ParentNode, url: URL): DetectedBuyer | undefined;
  /** A column beside the chat for the panel; the panel floats at the right edge when there is none. */
  anchor?(root: ParentNode, url: URL): PanelAnchor | undefined;
}
