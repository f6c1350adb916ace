import { paramOf } from '../read';
import type { PageKind } from '../types';

// Etsy serves shop managers on www.etsy.com only. Messages: /messages/{id} now, /conversations/{id}
// and /your/conversations/… before (Makaytron/Etsy-Automation-Tools
// scripts/etsy-message-assistant/Makaytron-Etsy-Message-Assistant.user.js @match, 2026-08;
// AcierDev/Etsy-Chat- manifest.json). Orders: /your/orders/sold, the detail as an overlay
// (?order_id=N) or /your/orders/sold/{receipt}. H for the URLs.
export const ETSY_HOST_PATTERNS = ['https://www.etsy.com/*'] as const;

export function isEtsyUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'www.etsy.com' && etsyPageKind(url) !== undefined;
}

export function etsyPageKind(url: URL): PageKind | undefined {
  if (/^\/(your\/)?(messages|conversations)(\/|$)/.test(url.pathname)) return 'chat';
  if (etsyOrderIdOf(url)) return 'order';
  return undefined;
}

/** The receipt id: ?order_id=N on the sold-orders list (and its tabs), or /your/orders/sold/N. */
export function etsyOrderIdOf(url: URL): string | undefined {
  const inPath = /^\/your\/orders\/sold\/(\d+)\/?$/.exec(url.pathname)?.[1];
  if (inPath) return inPath;
  if (!/^\/your\/orders\/sold(\/[a-z-]+)?\/?$/.test(url.pathname)) return undefined;
  const id = paramOf(url, ['order_id']);
  return id && /^\d+$/.test(id) ? id : undefined;
}
