import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { amazonAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const CONTACT = new URL('https://sellercentral.amazon.com/messaging/contact?orderID=113-4567890-1234567&marketplaceID=ATVPDKIKX0DER');
const INBOX = new URL('https://sellercentral.amazon.com/messaging/inbox');
const ORDER = new URL('https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567');

describe('the Amazon Seller Central adapter', () => {
  it.each([
    ['https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567', 'order'],
    ['https://sellercentral.amazon.de/orders-v3/order/302-1234567-7654321?ref=myo', 'order'],
    ['https://sellercentral-europe.amazon.com/orders-v3/order/202-9876543-1234567', 'order'],
    ['https://sellercentral.amazon.co.jp/orders-v3/order/249-1111111-2222222/', 'order'],
    ['https://sellercentral.amazon.com/messaging/contact?orderID=113-4567890-1234567&marketplaceID=ATVPDKIKX0DER', 'chat'],
    ['https://sellercentral.amazon.co.uk/messaging/inbox', 'chat'],
    ['https://sellercentral.amazon.com.mx/messaging/thread?threadId=abc', 'chat'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(amazonAdapter.matches(new URL(url))).toBe(true);
    expect(amazonAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://sellercentral.amazon.com/orders-v3',
    'https://sellercentral.amazon.com/orders-v3/mfn/unshipped',
    'https://sellercentral.amazon.com/orders-v3/order/not-an-order',
    'https://sellercentral.amazon.com/home',
    'https://www.amazon.com/gp/your-account/order-details?orderID=113-4567890-1234567',
    'https://sellercentral.amazon.nl.evil.example/orders-v3/order/113-4567890-1234567',
    'http://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567',
  ])('does not claim %s', (url) => {
    expect(amazonAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', CONTACT, { handle: 'Dana', name: 'Dana' }],
    ['chat-inbox.html', INBOX, undefined],
    ['order.html', ORDER, { handle: 'Dana', name: 'Dana' }],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(amazonAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('names no buyer in the messaging inbox, and never the ship-to name on an order', () => {
    expect(amazonAdapter.findBuyer(doc('chat-inbox.html'), INBOX)).toBeUndefined();
    expect(amazonAdapter.findBuyer(doc('order.html'), ORDER)?.handle).not.toBe('Dana R Whitfield');
  });

  it('reads the order id from the URL, the purchase date and the grand total', () => {
    expect(amazonAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '113-4567890-1234567',
      buyer: { handle: 'Dana', name: 'Dana' },
      amountText: '$33.47',
      currency: undefined,
      placedAtText: 'Fri, Nov 20, 2026, 9:41 AM PST',
    });
  });

  it('reads no order on the contact form', () => {
    expect(amazonAdapter.readOrder?.(doc('chat.html'), CONTACT)).toBeUndefined();
  });
});
