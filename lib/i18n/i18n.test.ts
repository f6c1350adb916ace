import { describe, expect, it } from 'vitest';
import { en } from './en';
import { CATALOGUES, resolveLocale, translator, UI_LOCALES, type MessageKey } from './index';
import { formatMessage, messageArgs, sentences } from './message-format';

const KEYS = Object.keys(en) as MessageKey[];
const CHINESE = ['zh-CN', 'zh-TW'] as const;

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

  it.each(UI_LOCALES)('every message key has a value in %s', (locale) => {
    const empty = KEYS.filter((key) => typeof CATALOGUES[locale][key] !== 'string' || !CATALOGUES[locale][key].trim());
    expect(empty).toEqual([]);
  });

  it.each(CHINESE)('%s keeps every parameter of the English message', (locale) => {
    for (const key of KEYS) expect(messageArgs(CATALOGUES[locale][key]).args, key).toEqual(messageArgs(en[key]).args);
  });

  it.each(CHINESE)('%s shows no English sentence', (locale) => {
    // Three English words in a row, outside parameters: a sentence left untranslated.
    const english = KEYS.filter((key) => /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/.test(CATALOGUES[locale][key].replace(/\{[^}]*\}/g, '')));
    expect(english).toEqual([]);
  });

  it.each(UI_LOCALES)('every plural in %s has a branch for each plural category of the language', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of KEYS) {
      for (const [arg, branches] of Object.entries(messageArgs(CATALOGUES[locale][key]).plurals)) {
        expect(branches, `${key} {${arg}}`).toEqual(expect.arrayContaining([...categories]));
      }
    }
  });

  it('a count shown in English goes through a plural: no "1 orders" with every parameter at 1', () => {
    const t = translator('en');
    const ones = (key: MessageKey) => Object.fromEntries(messageArgs(en[key]).args.map((a) => [a, 1]));
    const wrong = KEYS.map((key) => [key, t(key, ones(key))] as const).filter(([, text]) => /(^|[^\d.,])1 (?!is\b|as\b|was\b|has\b|stays\b|means\b|ms\b)[a-z]+s\b/.test(text));
    expect(wrong).toEqual([]);
  });

  it.each([
    [1, 'Imported 1 order: 1 new member, 0 existing members matched'],
    [2, 'Imported 2 orders: 1 new member, 0 existing members matched'],
    [12000, 'Imported 12,000 orders: 1 new member, 0 existing members matched'],
  ])('English says %s order(s) as a person would', (orders, want) => {
    expect(translator('en')('options.import.done', { orders, created: 1, matched: 0 })).toBe(want);
  });

  it('a name placed in a sentence stays a name, not a count', () => {
    expect(translator('en')('options.map.statusValues', { column: 'Order Status' })).toBe('What each status in Order Status means');
  });

  it('Chinese counts carry the measure word and no plural', () => {
    expect(translator('zh-CN')('options.store', { members: 1, orders: 2 })).toBe('会员总档：1 位会员 · 2 笔订单');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('orders.more')).toBe('{count} in all');
    expect(t('orders.more', { count: 3 })).toBe('3 orders in all');
  });

  it.each([
    ['{n, plural, =0 {none} one {# item} other {# items}}', 0, 'none'],
    ['{n, plural, =0 {none} one {# item} other {# items}}', 1, '1 item'],
    ['{n, plural, one {# item for {who}} other {# items for {who}}}', 5, '5 items for Ana'],
  ])('%s with %s reads %s', (template, n, want) => {
    expect(formatMessage(template, 'en', { n, who: 'Ana' })).toBe(want);
  });

  it.each([
    ['en', 'Imported 12,000 orders: 1,234 new members, 0 existing members matched'],
    ['zh-CN', '已导入 12,000 笔订单：新建 1,234 位会员，匹配已有会员 0 位'],
    ['zh-TW', '已匯入 12,000 筆訂單：新建 1,234 位會員，比對到既有會員 0 位'],
  ] as const)('%s groups the counts of a message as the locale groups numbers', (locale, want) => {
    expect(translator(locale)('options.import.done', { orders: 12000, created: 1234, matched: 0 })).toBe(want);
  });

  it.each([
    ['en', 'options.import.problemRow', 'row 12345: bad'],
    ['zh-CN', 'options.import.problemRow', '第 12345 行：bad'],
    ['zh-TW', 'options.import.problemRow', '第 12345 列：bad'],
    ['zh-CN', 'options.import.problem', 'a.csv，第 12345 行，Total 列：bad'],
    ['zh-TW', 'options.restore.problem', 'orders，第 12345 列：bad'],
  ] as const)('a row number in %s %s stays bare digits, never grouped like a count', (locale, key, want) => {
    expect(translator(locale)(key, { line: 12345, message: 'bad', problem: 'bad', file: 'a.csv', column: 'Total', table: 'orders', key: '', field: 't' })).toBe(want);
  });

  it.each(UI_LOCALES)('every row number ({line}) in %s is declared bare', (locale) => {
    const grouped = KEYS.filter((key) => /\{line(\}|\s*,\s*number\s*\})/.test(CATALOGUES[locale][key]));
    expect(grouped).toEqual([]);
  });

  it('a plural without an "other" branch is refused', () => {
    expect(() => formatMessage('{n, plural, one {# item}}', 'en', { n: 1 })).toThrow(/other/);
  });
});

describe('sentences', () => {
  it('puts a space between Latin sentences and none after a full-width stop', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(sentences(en('journeys.winBack.stepsHelp'), en('journeys.winBack.ranked'))).toBe(
      'One reminder at each; they stop as soon as the member orders again. Ranked by how likely they are to come back: recent and frequent buyers first.',
    );
    expect(sentences(zh('journeys.winBack.stepsHelp'), zh('journeys.winBack.ranked'))).toBe('每个节点一条提醒；会员一下单就停止。按回购可能性排序：最近买过、买得频繁的会员在前。');
    expect(sentences('已保存！', 'Done.', 'Next')).toBe('已保存！Done. Next');
  });
});
