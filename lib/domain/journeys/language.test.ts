import { describe, expect, it } from 'vitest';
import { guessLanguage, memberLanguage } from './language';

describe("the buyer's language", () => {
  it.each([
    ['a Shopee Taiwan buyer (TWD) reads traditional Chinese', { currency: 'TWD', platform: 'shopee' }, 'zh-TW'],
    ['a Taobao buyer reads simplified Chinese', { currency: 'CNY', platform: 'taobao' }, 'zh-CN'],
    ['a Taobao buyer even when the amounts were exported without a currency', { platform: 'taobao' }, 'zh-CN'],
    ['a Shopee Thailand buyer (THB) reads Thai', { currency: 'THB', platform: 'shopee' }, 'th'],
    ['a Lazada Vietnam buyer (VND) reads Vietnamese', { currency: 'VND', platform: 'lazada' }, 'vi'],
    ['a Shopee Singapore buyer (SGD) reads English', { currency: 'SGD', platform: 'shopee' }, 'en'],
    ['an Etsy buyer paying in USD reads English', { currency: 'USD', platform: 'etsy' }, 'en'],
    ['the site wins over the currency: seller.shopee.tw', { site: 'seller.shopee.tw', currency: 'USD' }, 'zh-TW'],
    ['the site: sellercenter.lazada.co.id', { site: 'sellercenter.lazada.co.id' }, 'id'],
    ['the site: myseller.taobao.com', { site: 'myseller.taobao.com' }, 'zh-CN'],
  ])('%s', (_name, facts, expected) => {
    expect(guessLanguage(facts)).toBe(expected);
  });

  it('a language set in the panel wins over the guess', () => {
    expect(memberLanguage({ profile: { language: 'zh-CN' }, currency: 'SGD' })).toBe('zh-CN');
    expect(memberLanguage({ profile: {}, currency: 'TWD' })).toBe('zh-TW');
  });
});
