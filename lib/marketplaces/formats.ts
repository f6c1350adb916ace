// How each marketplace's order pages write dates and amounts, one line each. Kept apart from the
// adapter registry: the panel frame reads orders, the content script (paid on every page load) doesn't.
import type { Platform } from '../domain/rows';
import { amazonOrderFormat } from './amazon/format';
import type { OrderPageFormat } from './capture/capture';
import { demoOrderFormat } from './demo/format';
import { ebayOrderFormat } from './ebay/format';
import { etsyOrderFormat } from './etsy/format';
import { lazadaOrderFormat } from './lazada/format';
import { shopeeOrderFormat } from './shopee/format';
import { shopifyOrderFormat } from './shopify/format';
import { taobaoOrderFormat } from './taobao/format';
import { tiktokOrderFormat } from './tiktok/format';
import { woocommerceOrderFormat } from './woocommerce/format';

const FORMATS: Partial<Record<Platform, OrderPageFormat>> = {
  demo: demoOrderFormat,
  shopee: shopeeOrderFormat,
  lazada: lazadaOrderFormat,
  taobao: taobaoOrderFormat,
  etsy: etsyOrderFormat,
  ebay: ebayOrderFormat,
  amazon: amazonOrderFormat,
  tiktok: tiktokOrderFormat,
  shopify: shopifyOrderFormat,
  woocommerce: woocommerceOrderFormat,
};

// A page no adapter declares (a point-once rule): only year-first all-number dates are read, and
// dates with month words.
const UNKNOWN: OrderPageFormat = { dateOrder: 'ymd' };

export function orderFormatOf(platform: Platform): OrderPageFormat {
  return FORMATS[platform] ?? UNKNOWN;
}
