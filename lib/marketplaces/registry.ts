// Every marketplace adapter, registered with one line each.
import { amazonAdapter } from './amazon';
import { demoAdapter } from './demo';
import { ebayAdapter } from './ebay';
import { etsyAdapter } from './etsy';
import { lazadaAdapter } from './lazada';
import { shopeeAdapter } from './shopee';
import { shopifyAdapter } from './shopify';
import { taobaoAdapter } from './taobao';
import { tiktokAdapter } from './tiktok';
import { woocommerceAdapter } from './woocommerce';
import type { Platform } from '../domain/rows';
import { matchesPattern } from './match-pattern';
import type { MarketplaceAdapter } from './types';

export const ADAPTERS: readonly MarketplaceAdapter[] = [
  demoAdapter,
  shopeeAdapter,
  lazadaAdapter,
  taobaoAdapter,
  etsyAdapter,
  ebayAdapter,
  amazonAdapter,
  tiktokAdapter,
  shopifyAdapter,
  // Last: it recognises wp-admin order URLs on any https host the user enabled.
  woocommerceAdapter,
];

export function adapterFor(url: URL): MarketplaceAdapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}

/** The marketplace a page belongs to by its host, even where no adapter reads that page. */
export function platformForUrl(url: URL): Platform {
  return ADAPTERS.find((a) => a.hostPatterns.some((p) => matchesPattern(p, url)))?.id ?? 'other';
}
