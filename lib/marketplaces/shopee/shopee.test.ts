import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { shopeeAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const CHAT = new URL('https://seller.shopee.com.my/new-webchat/conversations');
const ORDER = new URL('https://seller.shopee.com.my/portal/sale/order/204417532918');

describe('the Shopee Seller Centre adapter', () => {
  it.each([
    ['https://seller.shopee.com.my/new-webchat/conversations', 'chat'],
    ['https://seller.shopee.co.id/new-webchat/conversations?is_from_login=true', 'chat'],
    ['https://banhang.shopee.vn/new-webchat/conversations', 'chat'],
    ['https://seller.shopee.tw/webchat/conversations', 'chat'],
    ['https://seller.shopee.com.br/new-webchat', 'chat'],
    ['https://seller.shopee.ph/portal/sale/order/204417532918', 'order'],
    ['https://seller.shopee.sg/portal/sale/order/204417532918/', 'order'],
    ['https://seller.shopee.co.th/portal/sale/order/155203998812?tab=detail', 'order'],
    ['https://seller.shopee.cn/portal/sale/order/987654321', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(shopeeAdapter.matches(new URL(url))).toBe(true);
    expect(shopeeAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://seller.shopee.com.my/portal/sale/order',
    'https://seller.shopee.com.my/portal/sale/order?type=shipping',
    'https://seller.shopee.com.my/portal/sale/order/print',
    'https://seller.shopee.com.my/portal/product/list/all',
    'https://shopee.com.my/new-webchat/conversations',
    'https://seller.shopee.com.my.evil.example/new-webchat/conversations',
    'http://seller.shopee.sg/new-webchat/conversations',
    'https://sellercenter.lazada.com.my/apps/im/chat',
  ])('does not claim %s', (url) => {
    expect(shopeeAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', CHAT, { handle: 'budi_santoso88' }],
    ['chat-none.html', CHAT, undefined],
    ['order.html', ORDER, { handle: 'aisyah.rahman' }],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(shopeeAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('sees no buyer in the chat until a conversation is selected, whatever else the list shows', () => {
    expect(shopeeAdapter.findBuyer(doc('chat-none.html'), CHAT)).toBeUndefined();
  });

  it('reads the order number, buyer, total, date and status off the order page', () => {
    expect(shopeeAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '2611207KQ3M9XF',
      buyer: { handle: 'aisyah.rahman' },
      amountText: 'RM 123.90',
      currency: 'MYR',
      placedAtText: '20/11/2026 14:05',
      statusText: 'To Ship',
      status: 'paid',
    });
  });

  it('falls back to the internal order id in the URL when the Order ID is not rendered yet', () => {
    expect(shopeeAdapter.readOrder?.(doc('chat-none.html'), ORDER)?.orderNo).toBe('204417532918');
  });

  it('reads no order on a chat page', () => {
    expect(shopeeAdapter.readOrder?.(doc('chat.html'), CHAT)).toBeUndefined();
  });
});
