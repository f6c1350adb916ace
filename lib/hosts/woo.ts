// WooCommerce shops are self-hosted: each shop the user adds is one address, asked for and
// registered on its own. Pure functions; the options page and the background share them.
import { z } from 'zod';
import { hash53 } from '../hash';

/** The key in browser.storage.local that holds the shops' addresses (string[]). */
export const WOO_SHOPS_KEY = 'wooShops';

/**
 * The address a shop is stored under, from what the user typed: the origin
 * ("https://shop.example"), or origin + folder when WordPress lives in a folder and the user pasted
 * a wp-admin address ("https://example.com/store/wp-admin/…" → "https://example.com/store").
 * A path without /wp-admin/ is dropped: "https://shop.example/shop/" is WooCommerce's own shop page.
 * undefined unless it is an https address of a named host: the WooCommerce adapter reads https
 * admin pages only (a wp-admin login over plain http is not something to build on).
 */
export function wooShopAddress(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  // A bare word ("myshop") is a typo far more often than an intranet host.
  if (!url.hostname.includes('.') && !url.hostname.startsWith('[')) return undefined;
  const at = url.pathname.toLowerCase().indexOf('/wp-admin');
  const folder = at > 0 ? url.pathname.slice(0, at).replace(/\/+$/, '') : '';
  return url.origin + folder;
}

/** The match pattern of a shop's admin, where Regulars runs and what it asks permission for. */
export function wooAdminPattern(address: string): string {
  return `${address}/wp-admin/*`;
}

/** The id of a shop's content script: stable across sessions, so a sync finds what it registered. */
export function wooScriptId(address: string): string {
  return `regulars-woo-${hash53(address).toString(36)}`;
}

/** The stored list, cleaned: unknown shapes and bad entries dropped, duplicates once. */
export function storedWooShops(value: unknown): string[] {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return [];
  const addresses = parsed.data.map((v) => (typeof v === 'string' ? wooShopAddress(v) : undefined));
  return [...new Set(addresses.filter((v): v is string => v !== undefined))];
}
