import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { etsyAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const CHAT = new URL('https://www.etsy.com/messages/1598811234');
const ORDER = new URL('https://www.etsy.com/your/orders/sold?ref=seller-platform-mcnav&order_id=3921781860');

describe('the Etsy adapter', () => {
  it.each([
    ['https://www.etsy.com/messages/1598811234', 'chat'],
    ['https://www.etsy.com/messages?ref=seller-platform-mcnav', 'chat'],
    ['https://www.etsy.com/conversations/1598811234', 'chat'],
    ['https://www.etsy.com/conversations/with/mariekeller88', 'chat'],
    ['https://www.etsy.com/your/conversations/1598811234', 'chat'],
    ['https://www.etsy.com/your/orders/sold?order_id=3921781860', 'order'],
    ['https://www.etsy.com/your/orders/sold/completed?ref=seller-platform-mcnav&order_id=3921781860', 'order'],
    ['https://www.etsy.com/your/orders/sold/3921781860', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(etsyAdapter.matches(new URL(url))).toBe(true);
    expect(etsyAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://www.etsy.com/your/orders/sold',
    'https://www.etsy.com/your/orders/sold?order_id=abc',
    'https://www.etsy.com/your/purchases?order_id=3921781860',
    'https://www.etsy.com/people/mariekeller88',
    'https://www.etsy.com/listing/1234567/hand-woven-wall-hanging',
    'https://etsy.com/messages/1598811234',
    'https://www.etsy.com.evil.example/messages/1',
  ])('does not claim %s', (url) => {
    expect(etsyAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', CHAT, { handle: 'mariekeller88', name: 'Marie Keller' }],
    ['chat-list.html', new URL('https://www.etsy.com/messages'), undefined],
    ['order.html', ORDER, { handle: 'mariekeller88', name: 'Marie Keller' }],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(etsyAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('sees no buyer in the inbox before a conversation is opened, though the list names several', () => {
    expect(etsyAdapter.findBuyer(doc('chat-list.html'), new URL('https://www.etsy.com/messages'))).toBeUndefined();
  });

  it('reads the receipt from the URL and the date and total from the overlay', () => {
    expect(etsyAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '3921781860',
      buyer: { handle: 'mariekeller88', name: 'Marie Keller' },
      amountText: 'US$ 42.50',
      currency: 'USD',
      placedAtText: '2:02am, Fri, Nov 20, 2026',
    });
  });

  it('reads no order in Messages', () => {
    expect(etsyAdapter.readOrder?.(doc('chat.html'), CHAT)).toBeUndefined();
  });
});
