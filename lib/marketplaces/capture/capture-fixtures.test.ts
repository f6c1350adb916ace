// Every adapter's order fixture through the whole capture path: the page → the adapter's raw texts →
// its declared format → the order the panel would store.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedOrder } from '../../domain/imported-order';
import { orderFormatOf } from '../formats';
import { adapterFor } from '../registry';
import { fixtureDocument } from '../test-helpers';
import { captureOrder, fillDraft, completeOrder, type ShopFacts } from './capture';

const SHOP: ShopFacts = { currency: 'USD', timeZone: 'America/New_York' };

function capture(adapterDir: string, fixture: string, href: string, shop: ShopFacts = SHOP) {
  const url = new URL(href);
  const adapter = adapterFor(url);
  if (!adapter?.readOrder) throw new Error(`no adapter reads orders at ${href}`);
  const page = adapter.readOrder(fixtureDocument(path.join(__dirname, '..', adapterDir), fixture), url);
  if (!page) throw new Error(`${adapterDir}/${fixture}: no order read`);
  return captureOrder(page, adapter.id, url.hostname, orderFormatOf(adapter.id), shop);
}

type Expected = Omit<ImportedOrder, 'items' | 'platform'>;
const utc = Date.UTC;

describe('an order page becomes the order Regulars stores', () => {
  it.each<[string, string, string, Expected]>([
    ['demo', 'order.html', 'http://127.0.0.1/orders/577123456789012345',
      { orderNo: '577123456789012345', buyer: { handle: 'mei.lin88' }, amountMinor: 12345, currency: 'USD', placedAt: Date.parse('2025-11-23T12:13:20.000Z'), status: 'shipped', carrier: 'J&T Express', trackingNo: 'JT0012345678' }],
    ['amazon', 'order.html', 'https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567',
      { orderNo: '113-4567890-1234567', buyer: { handle: 'Dana', name: 'Dana' }, amountMinor: 3347, currency: 'USD', placedAt: utc(2026, 10, 20, 17, 41), status: 'paid' }],
    ['amazon', 'order-jp.html', 'https://sellercentral.amazon.co.jp/orders-v3/order/503-1234567-7654321',
      { orderNo: '503-1234567-7654321', buyer: { handle: 'Haruka', name: 'Haruka' }, amountMinor: 1249, currency: 'JPY', placedAt: utc(2026, 10, 21, 0, 14), status: 'paid' }],
    ['ebay', 'order.html', 'https://www.ebay.com/sh/ord/details?orderid=12-13456-78901&source=Orders',
      { orderNo: '12-13456-78901', buyer: { handle: 'jdoe_42' }, amountMinor: 2432, currency: 'USD', placedAt: utc(2026, 10, 19, 5, 0), status: 'paid' }],
    ['etsy', 'order.html', 'https://www.etsy.com/your/orders/sold?ref=seller-platform-mcnav&order_id=3921781860',
      { orderNo: '3921781860', buyer: { handle: 'mariekeller88', name: 'Marie Keller' }, amountMinor: 4250, currency: 'USD', placedAt: utc(2026, 10, 20, 7, 2), status: 'paid' }],
    ['lazada', 'order.html', 'https://sellercenter.lazada.com.my/apps/order/detail?tradeOrderId=426156492043475',
      { orderNo: '426156492043475', buyer: { handle: 'Nur Aisyah', name: 'Nur Aisyah' }, amountMinor: 7990, currency: 'MYR', placedAt: utc(2026, 10, 21, 1, 14), status: 'paid' }],
    ['lazada', 'order-id.html', 'https://sellercenter.lazada.co.id/apps/order/detail?tradeOrderId=531098274410236',
      { orderNo: '531098274410236', buyer: { handle: 'Dewi Lestari', name: 'Dewi Lestari' }, amountMinor: 1_249_000, currency: 'IDR', placedAt: utc(2026, 11, 2, 11, 30), status: 'delivered' }],
    ['shopee', 'order.html', 'https://seller.shopee.com.my/portal/sale/order/204417532918',
      { orderNo: '2611207KQ3M9XF', buyer: { handle: 'aisyah.rahman' }, amountMinor: 12390, currency: 'MYR', placedAt: utc(2026, 10, 20, 6, 5), status: 'paid' }],
    ['shopee', 'order-sg.html', 'https://seller.shopee.sg/portal/sale/order/204417532918',
      { orderNo: '2611219PX4T2QA', buyer: { handle: 'tan.weiling' }, amountMinor: 124900, currency: 'SGD', placedAt: utc(2026, 10, 21, 1, 14), status: 'delivered' }],
    ['taobao', 'order.html', 'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3362644009086523253',
      { orderNo: '3362644009086523253', buyer: { handle: 'tb8830512_88' }, amountMinor: 23900, currency: 'CNY', placedAt: utc(2026, 10, 18, 8, 13, 16), status: 'shipped' }],
    ['taobao', 'order-cn-date.html', 'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3362644009086599001',
      { orderNo: '3362644009086599001', buyer: { handle: '小林家的猫' }, amountMinor: 124900, currency: 'CNY', placedAt: utc(2026, 10, 21, 1, 14), status: 'delivered' }],
    ['tiktok', 'order.html', 'https://seller-us.tiktok.com/order/detail?order_no=577123456789012345&shop_region=US',
      { orderNo: '577123456789012345', buyer: { handle: 'amelia.rose_23' }, amountMinor: 2799, currency: 'USD', placedAt: utc(2026, 10, 21, 1, 15, 42), status: 'paid' }],
    ['woocommerce', 'order.html', 'https://silverstore.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1024',
      { orderNo: '1024', buyer: { handle: 'hanna.k@example.com', name: 'Hanna Kovalenko' }, amountMinor: 128000, currency: 'UAH', placedAt: utc(2026, 10, 20, 19, 5), status: 'paid' }],
    ['woocommerce', 'order-de.html', 'https://silverstore.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1024',
      { orderNo: '1024', buyer: { handle: 'hanna.k@example.com', name: 'Hanna Kovalenko' }, amountMinor: 124900, currency: 'EUR', placedAt: utc(2026, 10, 21, 14, 14), status: 'paid' }],
  ])('%s %s', (dir, fixture, href, expected) => {
    const result = capture(dir, fixture, href);
    expect(result.kind === 'ready' ? result.order : result).toEqual({ ...expected, platform: dir, items: [] });
  });

  it('a Shopify order page shows no readable date: the panel asks for it, and the typed date completes the order', () => {
    const result = capture('shopify', 'order.html', 'https://admin.shopify.com/store/cedar-pine/orders/5801234567890');
    expect(result.kind).toBe('incomplete');
    if (result.kind !== 'incomplete') return;
    expect(result.missing).toEqual(['date']);
    expect(completeOrder(fillDraft(result.draft, { placedAt: '2026-11-20T08:15' }))).toEqual({
      platform: 'shopify', orderNo: '5801234567890', buyer: { handle: 'sofia.alvarez@example.com', name: 'Sofia Alvarez' },
      amountMinor: 3497, currency: 'USD', status: 'paid', placedAt: utc(2026, 10, 20, 13, 15), items: [],
    });
  });

  it('before the shop has said its currency, a bare "$" on a site with no currency of its own is asked, never USD', () => {
    const result = capture('shopify', 'order.html', 'https://admin.shopify.com/store/cedar-pine/orders/5801234567890', { currency: undefined, timeZone: 'UTC' });
    expect(result.kind === 'incomplete' && result.missing).toEqual(['currency', 'amount', 'date']);
  });

  it('a "$" on Shopee Singapore is Singapore dollars whatever the shop\'s currency', () => {
    const result = capture('shopee', 'order-sg.html', 'https://seller.shopee.sg/portal/sale/order/204417532918', { currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(result.kind === 'ready' && [result.order.currency, result.order.amountMinor, result.order.placedAt]).toEqual(['SGD', 124900, utc(2026, 10, 21, 1, 14)]);
  });
});
