import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { woocommerceAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const HPOS = new URL('https://silverstore.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1024');
const LEGACY = new URL('https://silverstore.example/wp-admin/post.php?post=1024&action=edit');

describe('the WooCommerce adapter', () => {
  it.each([
    ['https://silverstore.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1024', 'order'],
    ['https://shop.example.co.uk/wp-admin/admin.php?page=wc-orders&id=77&action=edit&message=1', 'order'],
    ['https://example.com/shop/wp-admin/admin.php?page=wc-orders&action=edit&id=5', 'order'],
    ['https://silverstore.example/wp-admin/post.php?post=1024&action=edit', 'order'],
    ['https://silverstore.example/wp-admin/post.php?action=edit&post=1024&classic-editor', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(woocommerceAdapter.matches(new URL(url))).toBe(true);
    expect(woocommerceAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://silverstore.example/wp-admin/admin.php?page=wc-orders',
    'https://silverstore.example/wp-admin/admin.php?page=wc-orders&action=new',
    'https://silverstore.example/wp-admin/admin.php?page=wc-settings&action=edit&id=3',
    'https://silverstore.example/wp-admin/edit.php?post_type=shop_order',
    'https://silverstore.example/wp-admin/post.php?post=abc&action=edit',
    'https://silverstore.example/wp-admin/post.php?post=1024&action=trash',
    'https://silverstore.example/my-account/view-order/1024/',
    'http://silverstore.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1024',
  ])('does not claim %s', (url) => {
    expect(woocommerceAdapter.matches(new URL(url))).toBe(false);
  });

  it('asks for no hosts of its own: each shop is enabled by the user', () => {
    expect(woocommerceAdapter.hostPatterns).toEqual([]);
  });

  it.each([
    ['order.html', HPOS, { handle: 'hanna.k@example.com', name: 'Hanna Kovalenko' }],
    ['post-edit.html', LEGACY, undefined],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(woocommerceAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('sees no buyer on a blog post opened through the same post.php URL', () => {
    expect(woocommerceAdapter.findBuyer(doc('post-edit.html'), LEGACY)).toBeUndefined();
    expect(woocommerceAdapter.readOrder?.(doc('post-edit.html'), LEGACY)).toBeUndefined();
  });

  it('reads the order id, billing e-mail, total, date and status off the edit screen', () => {
    expect(woocommerceAdapter.readOrder?.(doc('order.html'), HPOS)).toEqual({
      orderNo: '1024',
      buyer: { handle: 'hanna.k@example.com', name: 'Hanna Kovalenko' },
      amountText: '₴1,280.00',
      placedAtText: '2026-11-20 14:05',
      statusText: 'Processing',
      status: 'paid',
    });
  });

  it('puts the panel at the top of the side column of an order, not of a post', () => {
    const order = doc('order.html');
    expect(woocommerceAdapter.anchor?.(order, HPOS)).toEqual({ parent: order.querySelector('#postbox-container-1'), placement: 'top' });
    expect(woocommerceAdapter.anchor?.(doc('post-edit.html'), LEGACY)).toBeUndefined();
  });
});
