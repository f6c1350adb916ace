import { describe, expect, it } from 'vitest';
import { storedWooShops, wooAdminPattern, wooScriptId, wooShopAddress } from './woo';

describe('WooCommerce shop addresses', () => {
  it.each([
    ['shop.example', 'https://shop.example'],
    ['  https://Shop.Example/  ', 'https://shop.example'],
    ['https://shop.example/shop/', 'https://shop.example'], // WooCommerce's own shop page, not a WordPress folder
    ['https://shop.example/wp-admin/admin.php?page=wc-orders&action=edit&id=42', 'https://shop.example'],
    ['https://example.org/store/wp-admin/post.php?post=7&action=edit', 'https://example.org/store'],
    ['https://shop.example:8443/wp-admin/', 'https://shop.example:8443'],
  ])('%s is kept as %s', (input, want) => {
    expect(wooShopAddress(input)).toBe(want);
  });

  it.each([[''], ['   '], ['myshop'], ['http://shop.example'], ['http://localhost:8080'], ['ftp://shop.example'], ['javascript:alert(1)'], ['https://user:pw@shop.example'], ['https://']])(
    '%j is not a shop address',
    (input) => {
      expect(wooShopAddress(input)).toBeUndefined();
    },
  );

  it("a shop's permission and script cover its wp-admin only", () => {
    expect(wooAdminPattern('https://example.org/store')).toBe('https://example.org/store/wp-admin/*');
  });

  it('script ids are stable, distinct per shop and valid for Chrome', () => {
    const a = wooScriptId('https://a.example');
    expect(wooScriptId('https://a.example')).toBe(a);
    expect(wooScriptId('https://b.example')).not.toBe(a);
    expect(a).toMatch(/^regulars-woo-[0-9a-z]+$/);
  });

  it('a damaged stored list reads as the valid shops it holds', () => {
    expect(storedWooShops(undefined)).toEqual([]);
    expect(storedWooShops('https://shop.example')).toEqual([]);
    expect(storedWooShops(['https://shop.example', 'https://shop.example/', 42, 'nonsense'])).toEqual(['https://shop.example']);
  });
});
