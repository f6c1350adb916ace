import { describe, expect, it } from 'vitest';
import { categoriseItems, categoryLastOrders, categoryMatcher, categoryRulesSchema, UNCATEGORISED, type CategoryRule } from './categories';
import { categoryFigures, type CategoryIntervalOrder } from './category-figures';
import { lapseDayOf, memberLapse, secondPurchaseDays } from './category-lapse';
import { DAY_MS, localDayNumber } from './time';

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

const TZ = 'Asia/Singapore';
const NOW = Date.parse('2026-12-01T04:00:00Z'); // noon in Singapore
const daysAgo = (n: number) => NOW - n * DAY_MS;
const CYCLES = { Tea: { lapseDays: 30, cycleDays: 21 }, Teaware: { lapseDays: 400, cycleDays: 365 } };

describe('a member is lapsing by the categories they buy', () => {
  it.each([
    ['tea 40 days ago, a teapot 100 days ago: the teapot keeps them active', { Tea: daysAgo(40), Teaware: daysAgo(100) }, 'active', 300],
    ['tea 40 days ago, a teapot 500 days ago: every category is past its threshold', { Tea: daysAgo(40), Teaware: daysAgo(500) }, 'lapsed', 40],
    ['tea 10 days ago only: active for 20 more days', { Tea: daysAgo(10) }, 'active', 20],
    ['tea exactly 30 days ago: lapsed on the boundary day', { Tea: daysAgo(30) }, 'lapsed', 30],
    ['an uncategorised order uses the shop threshold (90)', { [UNCATEGORISED]: daysAgo(60), Tea: daysAgo(45) }, 'active', 30],
    ['a category without its own threshold uses the shop threshold', { Snacks: daysAgo(80) }, 'active', 10],
  ])('%s', (_rule, categoryLastAt, state, days) => {
    const lapse = memberLapse({ categoryLastAt, lastOrderAt: Math.max(...Object.values(categoryLastAt)) }, CYCLES, 90, NOW, TZ);
    expect(lapse.state).toBe(state);
    expect(lapse.state === 'active' ? lapse.daysLeft : lapse.state === 'lapsed' ? lapse.daysSince : undefined).toBe(days);
  });

  it('without a per-category record the last order and the shop threshold decide', () => {
    expect(memberLapse({ lastOrderAt: daysAgo(95) }, CYCLES, 90, NOW, TZ)).toMatchObject({ state: 'lapsed', daysSince: 95 });
    expect(memberLapse({}, CYCLES, 90, NOW, TZ).state).toBe('none');
  });

  it('the lapse day is the latest category’s last order day plus its threshold', () => {
    const day = lapseDayOf({ categoryLastAt: { Tea: daysAgo(40), Teaware: daysAgo(100) } }, CYCLES, 90, TZ);
    expect(day).toBe(localDayNumber(NOW, TZ) + 300);
  });

  it('the per-category record comes from counted orders only, every category of an order', () => {
    const last = categoryLastOrders([
      { status: 'delivered', placedAt: daysAgo(50), items: [{ category: 'Tea' }, { category: 'Teaware' }] },
      { status: 'paid', placedAt: daysAgo(5), items: [{ category: 'Tea' }] },
      { status: 'refunded', placedAt: daysAgo(1), items: [{ category: 'Teaware' }] },
      { status: 'shipped', placedAt: daysAgo(20), items: [{}] },
    ]);
    expect(last).toEqual({ Tea: daysAgo(5), Teaware: daysAgo(50), [UNCATEGORISED]: daysAgo(20) });
    expect(categoryLastOrders([{ status: 'cancelled', placedAt: NOW, items: [] }])).toBeUndefined();
  });
});

describe('second-purchase timing follows the category’s cycle', () => {
  it.each([
    ['a tea buyer is due back after the tea cycle', { Tea: 1 }, 21],
    ['a buyer of tea and a teapot: the shorter cycle first', { Tea: 1, Teaware: 1 }, 21],
    ['a teapot buyer waits a year', { Teaware: 1 }, 365],
    ['an uncategorised first order keeps the rule’s days', { [UNCATEGORISED]: 1 }, 30],
    ['a category without a cycle keeps the rule’s days', { Snacks: 1 }, 30],
  ])('%s', (_rule, last, want) => {
    expect(secondPurchaseDays(last, CYCLES, 30)).toBe(want);
  });
});

/** `n` members each ordering in `category` at these gaps (days) from 400 days ago. */
function buyers(prefix: string, n: number, category: string, gaps: number[]): CategoryIntervalOrder[] {
  const out: CategoryIntervalOrder[] = [];
  for (let m = 0; m < n; m++) {
    let at = daysAgo(700);
    out.push({ memberId: `${prefix}${m}`, status: 'delivered', placedAt: at, items: [{ category }] });
    for (const gap of gaps) {
      at += gap * DAY_MS;
      out.push({ memberId: `${prefix}${m}`, status: 'delivered', placedAt: at, items: [{ category }] });
    }
  }
  return out;
}

describe('lapse and cycle suggestions per category, on known distributions', () => {
  // Tea: 40 buyers coming back every 14 to 23 days (a flat spread); teaware: 25 buyers every 300–348 days.
  const tea = buyers('t', 40, 'Tea', [14, 16, 18, 20, 23]);
  const ware = buyers('w', 25, 'Teaware', [300, 348]);
  const once = buyers('o', 10, 'Tea', []);
  const figures = categoryFigures([...tea, ...ware, ...once], TZ);
  const of = (c: string) => figures.find((f) => f.category === c)!;

  it('repeat rate per category counts members who came back in that category', () => {
    expect(of('Tea')).toMatchObject({ buyers: 50, repeatBuyers: 40, repeatRate: 0.8 });
    expect(of('Teaware')).toMatchObject({ buyers: 25, repeatBuyers: 25, repeatRate: 1 });
  });

  it.each([
    // 80th percentile of {14,16,18,20,23}×40 is 20 → 21 (strictly inside) → friendly 21.
    ['Tea', 200, 18, 21, 18],
    // 80th percentile of {300,348}×25 is 348 → 349 → months of 30: 360; the cycle is the median.
    ['Teaware', 50, 300, 360, 300],
  ])('%s: %i intervals, median %i days, lapse suggested at %i days, cycle %i', (category, intervals, median, lapse, cycle) => {
    const f = of(category);
    expect(f.intervals.length).toBe(intervals);
    expect(f.medianDays).toBe(median);
    expect(f.lapse?.days).toBe(lapse);
    expect(f.cycleDays).toBe(cycle);
    expect(f.bins.reduce((s, b) => s + b.count, 0)).toBe(intervals);
  });

  it('a category with fewer than 20 repeat purchases gets no suggestion, but its histogram', () => {
    const few = categoryFigures(buyers('f', 5, 'Kettle', [200, 220]), TZ)[0]!;
    expect(few.lapse).toBeUndefined();
    expect(few.cycleDays).toBeUndefined();
    expect(few.intervals).toEqual([200, 200, 200, 200, 200, 220, 220, 220, 220, 220]);
  });

  it('orders on the same day in a category are one visit; cancelled orders are no visit', () => {
    const f = categoryFigures(
      [
        { memberId: 'a', status: 'paid', placedAt: daysAgo(10), items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(10) + 3_600_000, items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'cancelled', placedAt: daysAgo(5), items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(3), items: [{ category: 'Tea' }] },
      ],
      TZ,
    );
    expect(f[0]!.intervals).toEqual([7]);
  });

  it('a member’s orders in another category do not make an interval in this one', () => {
    const f = categoryFigures(
      [
        { memberId: 'a', status: 'paid', placedAt: daysAgo(100), items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(50), items: [{ category: 'Teaware' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(10), items: [{ category: 'Tea' }] },
      ],
      TZ,
    );
    expect(f.find((x) => x.category === 'Tea')!.intervals).toEqual([90]);
    expect(f.find((x) => x.category === 'Teaware')!.intervals).toEqual([]);
  });
});
