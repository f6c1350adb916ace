import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../test-helpers';
import { taobaoAdapter } from './index';

const doc = (name: string) => fixtureDocument(__dirname, name);
const CHAT = new URL('https://market.m.taobao.com/app/qn/im-history-search/index.html');
const ORDER = new URL('https://qn.taobao.com/home.htm/trade-platform/tp/detail?spm=a21dvs.23580594.0.0.60fb2cedkP5BNV&bizOrderId=3362644009086523253');

describe('the Taobao / Tmall (Qianniu) adapter', () => {
  it.each([
    ['https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message', 'chat'],
    ['https://myseller.taobao.com/home.htm/app-customer-service/toolpage/Message?spm=a21dvs.1', 'chat'],
    ['https://market.m.taobao.com/app/qn/im-history-search/index.html#/', 'chat'],
    ['https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3668803670628269143', 'order'],
    ['https://myseller.taobao.com/home.htm/trade-platform/tp/detail?spm=a21dvs.23580594.0.0&bizOrderId=5127725413618030746', 'order'],
    ['https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=279823302640051289', 'order'],
    ['https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3668803670628269143', 'order'],
    ['https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=1234567890123456789', 'order'],
    ['https://trade.tmall.com/detail/orderDetail.htm?biz_order_id=1234567890123456789&forward_action=', 'order'],
  ])('claims %s as a %s page', (url, kind) => {
    expect(taobaoAdapter.matches(new URL(url))).toBe(true);
    expect(taobaoAdapter.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    'https://qn.taobao.com/home.htm/trade-platform/tp/detail',
    'https://qn.taobao.com/home.htm',
    'https://buyertrade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=279823302640051289',
    'https://market.m.taobao.com/app/qn/some-other-app/index.html',
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    'https://item.taobao.com/item.htm?id=6543210',
    'https://www.tmall.com/',
  ])('does not claim %s', (url) => {
    expect(taobaoAdapter.matches(new URL(url))).toBe(false);
  });

  it.each([
    ['chat.html', CHAT, { handle: 'tb8830512_88' }],
    ['chat-empty.html', CHAT, undefined],
    ['order.html', ORDER, { handle: 'tb8830512_88' }],
    ['order-masked.html', ORDER, undefined],
  ])('finds the buyer on %s', (fixture, url, buyer) => {
    expect(taobaoAdapter.findBuyer(doc(fixture), url)).toEqual(buyer);
  });

  it('takes the sender of received messages in the history, never the shop’s own agent', () => {
    expect(taobaoAdapter.findBuyer(doc('chat.html'), CHAT)?.handle).not.toContain('小雅');
  });

  it('does not name a buyer from a masked nick', () => {
    expect(taobaoAdapter.findBuyer(doc('order-masked.html'), ORDER)).toBeUndefined();
  });

  it('reads the order number from the URL and the rest from the labelled text', () => {
    expect(taobaoAdapter.readOrder?.(doc('order.html'), ORDER)).toEqual({
      orderNo: '3362644009086523253',
      buyer: { handle: 'tb8830512_88' },
      amountText: '¥239.00',
      currency: 'CNY',
      placedAtText: '2026-11-18 16:13:16',
      statusText: '卖家已发货',
      status: 'shipped',
    });
  });

  it('reads no order in the chat history', () => {
    expect(taobaoAdapter.readOrder?.(doc('chat.html'), CHAT)).toBeUndefined();
  });
});
