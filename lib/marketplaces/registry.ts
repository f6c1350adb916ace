// Every marketplace adapter, registered with one line each.
import { demoAdapter } from './demo';
import type { MarketplaceAdapter } from './types';

export const ADAPTERS: readonly MarketplaceAdapter[] = [demoAdapter];

export function adapterFor(url: URL): MarketplaceAdapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}
