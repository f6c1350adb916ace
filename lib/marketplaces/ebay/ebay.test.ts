import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { ebayAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const INBOX = new URL('https://www.ebay.com/cnt/ViewMessage?group_type=CORE&conversation_type=FROM_MEMBERS');
const CONTACT = new URL('https://www.ebay.com/cnt/interact?requested=jdoe_42&itemid=326150465337');
const ORDER = new URL('https://www.ebay.com/sh/ord/details?orderid=12-13456-78901&source=Orders');

describe('the eBay Seller Hub adapter', () => {
  it.each([
    ['https://www.ebay.com/sh/ord/details?orderid=12-13456-78901', 'order'],
    ['https://www.ebay.de/sh/ord/details?orderid=05-11111-22222&source=Orders', 'order'],
    ['https://www.ebay.co.uk/sh/ord/details?orderid=14-14908-12300', 'order'],
    ['https://www.ebay.com/mesh/ord/details?orderid=11-11111-11111', 'order'],
    ['https://www.ebay.com.au/sh/ord/details?orderid=14-14908-12300', 'order'],
    ['https://www.ebay.com/cnt/ViewMessage?group_type=CORE', 'chat'],
    ['https://www.ebay.com/cnt/viewMessage?group_type=CORE&question_id=4490983991019', 'chat'],
    ['https://www.ebay.fr/cnt/interact?requested=jdoe_42&itemid=326150465337', 'chat'],
    ['https://mesg.ebay.com/mesgweb/ViewMessages/0', 'chat'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(ebayAdapter.matches(new URL(url))).toBe(true);
    expect(ebayAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://www.ebay.com/sh/ord',
    'https://www.ebay.com/sh/ord/?filter=status:AWAITING_SHIPMENT',
    'https://www.ebay.com/sh/ord/details',
    'https://www.ebay.com/itm/326150465337',
    'https://www.ebay.com/usr/jdoe_42',
    'https://www.ebay.com/cnt/TrackPackage?orderId=12-13456-78901',
    'https://order.ebay.com/ord/show?orderId=12-13456-78901',
    'https://www.ebay.com.evil.example/sh/ord/details?orderid=12-13456-78901',
  ])('does not claim %s', (url) => {
    expect(ebayAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', INBOX, undefined],
    ['chat-contact.html', CONTACT, { handle: 'jdoe_42' }],
    ['order.html', ORDER, { handle: 'jdoe_42' }],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(ebayAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('takes the user id after the Buyer label, without its feedback score, and never a name with spaces', () => {
    expect(ebayAdapter.findBuyer(doc('order-label-only.html'), ORDER)).toEqual({ handle: 'jdoe_42' });
  });

  it('names no buyer in the messages inbox, where eBay shows a list and no hook for the open member', () => {
    expect(ebayAdapter.findBuyer(doc('chat.html'), INBOX)).toBeUndefined();
  });

  it('reads the order id from the URL and the total the buyer paid, not the earnings', () => {
    expect(ebayAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '12-13456-78901',
      buyer: { handle: 'jdoe_42' },
      amountText: '$24.32',
      currency: undefined,
      placedAtText: 'Nov 19, 2026',
    });
  });

  it('reads no order on a messages page', () => {
    expect(ebayAdapter.readOrder?.(doc('chat-contact.html'), CONTACT)).toBeUndefined();
  });
});
