import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { tiktokAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const CHAT = new URL('https://seller-us.tiktok.com/chat/inbox/current?oec_seller_id=7494494994748966018&shop_region=US');
const ORDER = new URL('https://seller-us.tiktok.com/order/detail?order_no=577123456789012345&shop_region=US');

describe('the TikTok Shop Seller Center adapter', () => {
  it.each([
    ['https://seller-us.tiktok.com/chat/inbox/current?oec_seller_id=7494494994748966018&shop_region=US', 'chat'],
    ['https://seller.tiktokshopglobalselling.com/chat/inbox/current?oec_seller_id=7494494994748966018&shop_region=TH&lang=en', 'chat'],
    ['https://seller-th.tiktok.com/chat/inbox/current?oec_seller_id=1&shop_region=TH', 'chat'],
    ['https://seller-id.tokopedia.com/chat/inbox/current?oec_seller_id=1&shop_region=ID', 'chat'],
    ['https://seller-my.tiktok.com/order/detail?order_no=581769084568176530&shop_region=MY', 'order'],
    ['https://seller-vn.tiktok.com/order/detail?order_no=577123456789012345', 'order'],
    ['https://seller-id.tokopedia.com/order/detail?order_no=580000000000000001&shop_region=ID', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(tiktokAdapter.matches(new URL(url))).toBe(true);
    expect(tiktokAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://seller-us.tiktok.com/order',
    'https://seller-us.tiktok.com/order/detail',
    'https://seller-us.tiktok.com/homepage',
    'https://seller-us.tiktok.com/account/login',
    'https://www.tiktok.com/@rosewaterstudio',
    'https://www.tokopedia.com/chat',
    'https://seller-zz.tiktok.com.evil.example/chat/inbox/current',
  ])('does not claim %s', (url) => {
    expect(tiktokAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', CHAT, { handle: 'amelia.rose_23' }],
    ['chat-none.html', CHAT, undefined],
    ['order.html', ORDER, { handle: 'amelia.rose_23' }],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(tiktokAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('names no buyer while no conversation card is open', () => {
    expect(tiktokAdapter.findBuyer(doc('chat-none.html'), CHAT)).toBeUndefined();
  });

  it('reads the order number from the URL and the rest by label', () => {
    expect(tiktokAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '577123456789012345',
      buyer: { handle: 'amelia.rose_23' },
      amountText: '$27.99',
      currency: undefined,
      placedAtText: '11/20/2026 08:15:42 PM',
      statusText: 'Awaiting shipment',
      status: 'paid',
    });
  });

  it('reads no order in the chat', () => {
    expect(tiktokAdapter.readOrder?.(doc('chat.html'), CHAT)).toBeUndefined();
  });
});
