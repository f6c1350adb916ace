import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { demoAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);

describe('the demo marketplace adapter', () => {
  it.each([
    ['http://127.0.0.1:5273/chat', 'chat'],
    ['http://127.0.0.1:5273/chat/c12', 'chat'],
    ['http://localhost:5273/orders/577123456789012345', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(demoAdapter.matches(new URL(url))).toBe(true);
    expect(demoAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'http://127.0.0.1:5273/orders',
    'http://127.0.0.1:5273/plain',
    'https://127.0.0.1/chat',
    'http://example.com/chat',
    'https://seller.shopee.sg/new-webchat/conversations',
  ])('does not claim %s', (url) => {
    expect(demoAdapter.matches(new URL(url))).toBe(false);
  });

  it('reads the open conversation’s buyer from the chat header', () => {
    expect(demoAdapter.findBuyer(doc('chat.html'), new URL('http://127.0.0.1/chat/c1'))).toEqual({ handle: 'lily_chen', name: 'Lily Chen' });
  });

  it('sees no buyer while the next conversation is still rendering', () => {
    expect(demoAdapter.findBuyer(doc('chat-loading.html'), new URL('http://127.0.0.1/chat/c2'))).toBeUndefined();
  });

  it('reads the buyer from an order page', () => {
    expect(demoAdapter.findBuyer(doc('order.html'), new URL('http://127.0.0.1/orders/577123456789012345'))).toEqual({ handle: 'mei.lin88' });
  });

  it('puts the panel beside the chat as a column of the layout', () => {
    const d = doc('chat.html');
    expect(demoAdapter.anchor?.(d, new URL('http://127.0.0.1/chat/c1'))?.parent).toBe(d.querySelector('[data-testid="chat-layout"]'));
  });
});

describe('order capture on the demo order page', () => {
  it('reads number, buyer, amount, currency, date and status', () => {
    expect(demoAdapter.readOrder?.(doc('order.html'), new URL('http://127.0.0.1/orders/577123456789012345'))).toEqual({
      orderNo: '577123456789012345',
      buyer: { handle: 'mei.lin88' },
      amountText: '$123.45',
      currency: 'USD',
      placedAtText: '2025-11-23T12:13:20.000Z',
      statusText: 'Shipped',
      status: 'shipped',
      carrier: 'J&T Express',
      trackingNo: 'JT0012345678',
    });
  });

  it('reads no order on a chat page', () => {
    expect(demoAdapter.readOrder?.(doc('chat.html'), new URL('http://127.0.0.1/chat/c1'))).toBeUndefined();
  });
});
