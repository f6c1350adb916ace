import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { shopifyAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const ORDER = new URL('https://admin.shopify.com/store/cedar-pine/orders/5801234567890');
const INBOX = new URL('https://admin.shopify.com/store/cedar-pine/apps/inbox');

describe('the Shopify admin adapter', () => {
  it.each([
    ['https://admin.shopify.com/store/cedar-pine/orders/5801234567890', 'order'],
    ['https://admin.shopify.com/store/cedar-pine/orders/5801234567890?orderListBeta=true', 'order'],
    ['https://cedar-pine.myshopify.com/admin/orders/5801234567890', 'order'],
    ['https://admin.shopify.com/store/cedar-pine/apps/inbox', 'chat'],
    ['https://admin.shopify.com/store/cedar-pine/apps/shopify-chat/conversations', 'chat'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(shopifyAdapter.matches(new URL(url))).toBe(true);
    expect(shopifyAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://admin.shopify.com/store/cedar-pine/orders',
    'https://admin.shopify.com/store/cedar-pine/orders/drafts',
    'https://admin.shopify.com/store/cedar-pine/customers/7712345678',
    'https://cedar-pine.myshopify.com/orders/5801234567890',
    'https://cedar-pine.myshopify.com/apps/inbox',
    'https://shop.example/admin/orders/5801234567890',
    'https://www.shopify.com/store/cedar-pine/orders/5801234567890',
  ])('does not claim %s', (url) => {
    expect(shopifyAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['order.html', ORDER, { handle: 'sofia.alvarez@example.com', name: 'Sofia Alvarez' }],
    ['order-no-email.html', ORDER, undefined],
    ['chat.html', INBOX, undefined],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(shopifyAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('names no buyer when the customer has no e-mail, rather than a staff or store address', () => {
    expect(shopifyAdapter.findBuyer(doc('order-no-email.html'), ORDER)).toBeUndefined();
  });

  it('reads the order id from the URL and the total', () => {
    expect(shopifyAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '5801234567890',
      buyer: { handle: 'sofia.alvarez@example.com', name: 'Sofia Alvarez' },
      amountText: '$34.97',
      currency: undefined,
    });
  });

  it('reads no order in Shopify Inbox', () => {
    expect(shopifyAdapter.readOrder?.(doc('chat.html'), INBOX)).toBeUndefined();
  });
});
