// The options page's side of marketplace access: read what is enabled, ask Chrome for a site's
// permission, give it back, keep the list of WooCommerce shops. The background notices every change
// (permissions.onAdded/onRemoved, storage.onChanged) and registers or unregisters the content script.
import { ADAPTERS } from '../marketplaces/registry';
import type { MarketplaceAdapter } from '../marketplaces/types';
import { storedWooShops, WOO_SHOPS_KEY, wooAdminPattern } from './woo';

/** The marketplaces the user can switch on: the demo is always on, and a site without fixed hosts (WooCommerce) is added per shop. */
export function switchableMarketplaces(adapters: readonly MarketplaceAdapter[] = ADAPTERS): MarketplaceAdapter[] {
  return adapters.filter((a) => a.id !== 'demo' && a.hostPatterns.length > 0);
}

export interface MarketplaceAccess {
  /** Adapter id → all its hosts granted. */
  enabled: Record<string, boolean>;
  shops: { address: string; enabled: boolean }[];
}

export async function readMarketplaceAccess(adapters = switchableMarketplaces()): Promise<MarketplaceAccess> {
  const granted = (origins: string[]) => browser.permissions.contains({ origins }).catch(() => false);
  const enabled = Object.fromEntries(await Promise.all(adapters.map(async (a) => [a.id, await granted([...a.hostPatterns])] as const)));
  const shops = await Promise.all((await readWooShops()).map(async (address) => ({ address, enabled: await granted([wooAdminPattern(address)]) })));
  return { enabled, shops };
}

/**
 * Asks Chrome for the site's hosts. Call it straight from the click, before any await: Chrome shows
 * its prompt only during a user gesture. Resolves false when the user declines.
 */
export function requestHosts(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...patterns] });
}

export function removeHosts(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.remove({ origins: [...patterns] });
}

async function readWooShops(): Promise<string[]> {
  return storedWooShops((await browser.storage.local.get(WOO_SHOPS_KEY))[WOO_SHOPS_KEY]);
}

/** Asks for the shop's wp-admin (from the click, as above) and keeps the shop when allowed. */
export async function addWooShop(address: string): Promise<boolean> {
  const allowed = await requestHosts([wooAdminPattern(address)]);
  if (!allowed) return false;
  const shops = await readWooShops();
  if (!shops.includes(address)) await browser.storage.local.set({ [WOO_SHOPS_KEY]: [...shops, address] });
  return true;
}

export async function removeWooShop(address: string): Promise<void> {
  await browser.storage.local.set({ [WOO_SHOPS_KEY]: (await readWooShops()).filter((s) => s !== address) });
  await removeHosts([wooAdminPattern(address)]).catch(() => false);
}

/** Calls back whenever access may have changed, here or elsewhere (Chrome's site-access menu); returns the unsubscribe. */
export function watchMarketplaceAccess(changed: () => void): () => void {
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WOO_SHOPS_KEY in changes) changed();
  };
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  browser.storage.onChanged.addListener(onStorage);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
    browser.storage.onChanged.removeListener(onStorage);
  };
}
