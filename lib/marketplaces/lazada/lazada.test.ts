import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { lazadaAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const CHAT = new URL('https://sellercenter.lazada.com.my/apps/im/chat');
const ORDER = new URL('https://sellercenter.lazada.com.my/apps/order/detail?tradeOrderId=426156492043475');

describe('the Lazada Seller Center adapter', () => {
  it.each([
    ['https://sellercenter.lazada.com.my/apps/im/chat', 'chat'],
    ['https://sellercenter.lazada.sg/apps/im/chat?spm=a1zawf.im.0.0', 'chat'],
    ['https://sellercenter.lazada.co.th/apps/im/window', 'chat'],
    ['https://sellercenter.lazada.vn/apps/order/detail?tradeOrderId=426156492043475', 'order'],
    ['https://sellercenter.lazada.com.ph/apps/order/detail?tradeOrderId=531177209114688&spm=a2a15.order_list', 'order'],
    ['https://sellercenter.lazada.co.id/apps/order/detail/?tradeOrderId=700144128803512', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(lazadaAdapter.matches(new URL(url))).toBe(true);
    expect(lazadaAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://sellercenter.lazada.com.my/apps/order/list',
    'https://sellercenter.lazada.com.my/apps/order/detail',
    'https://sellercenter.lazada.com.my/apps/order/detail?tradeOrderId=abc',
    'https://sellercenter.lazada.com.my/apps/product/list',
    'https://www.lazada.com.my/apps/im/chat',
    'https://sellercenter.daraz.pk/apps/order/detail?tradeOrderId=426156492043475',
    'https://seller.shopee.com.my/new-webchat/conversations',
  ])('does not claim %s', (url) => {
    expect(lazadaAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', CHAT, undefined],
    ['order.html', ORDER, { handle: 'Nur Aisyah', name: 'Nur Aisyah' }],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(lazadaAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('reports no buyer in the IM, where no public hook names the other side (the point-once rule takes over)', () => {
    expect(lazadaAdapter.findBuyer(doc('chat.html'), CHAT)).toBeUndefined();
  });

  it('reads the order number from the URL and the rest by label', () => {
    expect(lazadaAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '426156492043475',
      buyer: { handle: 'Nur Aisyah', name: 'Nur Aisyah' },
      amountText: 'RM 79.90',
      currency: 'MYR',
      placedAtText: '21 Nov 2026 09:14',
      statusText: 'Ready to Ship',
      status: 'paid',
    });
  });

  it('reads no order on the IM page', () => {
    expect(lazadaAdapter.readOrder?.(doc('chat.html'), CHAT)).toBeUndefined();
  });
});
