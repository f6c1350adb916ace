import { describe, expect, it } from 'vitest';
import { en } from './en';
import { resolveLocale, translator } from './index';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

describe('i18n', () => {
  it.each([
    ['auto', 'en-US', 'en'],
    ['auto', 'zh-CN', 'zh-CN'],
    ['auto', 'zh-SG', 'zh-CN'],
    ['auto', 'zh-TW', 'zh-TW'],
    ['auto', 'zh-HK', 'zh-TW'],
    ['auto', 'zh-Hant', 'zh-TW'],
    ['zh-TW', 'en-US', 'zh-TW'],
    ['en', 'zh-CN', 'en'],
  ])('setting %s with browser %s shows %s', (setting, browser, want) => {
    expect(resolveLocale(setting, browser)).toBe(want);
  });

  it.each([
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
  ])('%s keeps every placeholder of the English string', (_name, catalogue) => {
    for (const [key, text] of Object.entries(en)) {
      const want = (text.match(/\{\w+\}/g) ?? []).sort();
      const got = ((catalogue as Record<string, string>)[key]!.match(/\{\w+\}/g) ?? []).sort();
      expect(got, key).toEqual(want);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('options.import.done', { orders: 12, created: 3, matched: 2 })).toBe('Imported 12 orders: 3 new members, 2 existing members matched');
    expect(t('orders.more')).toBe('{count} orders in all');
  });
});
