import { describe, expect, it } from 'vitest';
import { categoriseItems, categoryMatcher, categoryRulesSchema, type CategoryRule } from './categories';

const RULES: CategoryRule[] = [
  { category: 'Tea', skuPrefixes: ['TEA-', 'T2'], titleWords: ['tea', '茶', 'matcha'] },
  { category: 'Teaware', skuPrefixes: ['POT'], titleWords: ['teapot', 'kettle', '茶壶', '茶壺'] },
  { category: 'Gift set', skuPrefixes: [], titleWords: ['gift set', '礼盒'] },
];

describe('category rules on titles and SKUs', () => {
  const match = categoryMatcher(RULES);
  it.each([
    ['a SKU prefix decides', { title: 'Something', sku: 'TEA-001' }, 'Tea'],
    ['SKU prefixes ignore case', { title: 'Something', sku: 'tea-002' }, 'Tea'],
    ['a SKU prefix must be at the start', { title: 'Something', sku: 'XTEA-001' }, undefined],
    ['a short SKU prefix matches longer SKUs', { title: 'Something', sku: 'T2000' }, 'Tea'],
    ['a title word matches as a whole word', { title: 'Green Tea 100g' }, 'Tea'],
    ['a plural of the word matches', { title: 'Assorted teas, 10 bags' }, 'Tea'],
    ['a word inside another word does not match', { title: 'Steak knife' }, undefined],
    ['title words ignore case', { title: 'MATCHA latte powder' }, 'Tea'],
    ['a Chinese word matches inside the title', { title: '西湖龙井茶叶 250g' }, 'Tea'],
    ['the first rule in order wins ("茶" comes before "茶壶")', { title: '紫砂茶壶' }, 'Tea'],
    ['a later rule wins when the earlier one does not match', { title: 'Glass teapot 600ml' }, 'Teaware'],
    ['a phrase of two words matches as written', { title: 'Holiday gift set (3 tins)' }, 'Gift set'],
    ['a phrase split apart does not match', { title: 'A gift for you, set of 2' }, undefined],
    ['full-width letters are read as their ASCII forms', { title: 'ＧＲＥＥＮ ＴＥＡ' }, 'Tea'],
    ['a SKU prefix wins over a later rule’s title word', { title: 'Kettle', sku: 'TEA-9' }, 'Tea'],
    ['no rule matching leaves the item uncategorised', { title: 'Phone case', sku: 'CASE-1' }, undefined],
  ])('%s', (_rule, item, want) => {
    expect(match(item)).toBe(want);
  });

  it('no rules categorise nothing', () => {
    expect(categoryMatcher([])({ title: 'Green tea', sku: 'TEA-1' })).toBeUndefined();
  });

  it('the export’s own category is kept whatever the rules say; rule categories follow the rules', () => {
    const items = [
      { title: 'Green tea', quantity: 1, category: 'Beverages', categorySource: 'export' as const },
      { title: 'Green tea', quantity: 1 },
      { title: 'Glass teapot', quantity: 1, category: 'Tea', categorySource: 'rule' as const },
      { title: 'Phone case', quantity: 1, category: 'Tea', categorySource: 'rule' as const },
    ];
    const out = categoriseItems(items, categoryMatcher(RULES));
    expect(out.map((i) => [i.category, i.categorySource])).toEqual([
      ['Beverages', 'export'],
      ['Tea', 'rule'],
      ['Teaware', 'rule'],
      [undefined, undefined],
    ]);
  });

  it('items that the rules leave as they are come back as the same array (nothing to write)', () => {
    const items = [{ title: 'Green tea', quantity: 1, category: 'Tea', categorySource: 'rule' as const }];
    expect(categoriseItems(items, categoryMatcher(RULES))).toBe(items);
  });

  it.each([
    ['a rule without a category name', [{ category: ' ', skuPrefixes: [], titleWords: ['x'] }]],
    ['an empty SKU prefix', [{ category: 'A', skuPrefixes: [''], titleWords: [] }]],
  ])('rules are refused with %s', (_what, rules) => {
    expect(categoryRulesSchema.safeParse(rules).success).toBe(false);
  });
});
