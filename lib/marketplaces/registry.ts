// Every marketplace adapter, registered with one line each.
import { demoAdapter } from './demo';
import type { Platform } from '../db/rows';
import { matchesPattern } from './match-pattern';
import type { MarketplaceAdapter } from './types';

export const ADAPTERS: readonly MarketplaceAdapter[] = [demoAdapter];

export function adapterFor(url: URL): MarketplaceAdapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}

/** The marketplace a page belongs to by its host, even where no adapter reads that page. */
export function platformForUrl(url: URL): Platform {
  return ADAPTERS.find((a) => a.hostPatterns.some((p) => matchesPattern(p, url)))?.id ?? 'other';
}
