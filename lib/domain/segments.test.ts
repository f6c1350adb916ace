import { describe, expect, it } from 'vitest';
import { rfmBreaks } from './rfm';
import { compileFilter, isEmptyFilter, matchingMembers, memberMatches, parseSegmentFilter, rfmOverview, type SegmentContext, type SegmentFilter, type SegmentMember } from './segments';
import { DAY_MS, localDayNumber } from './time';

const ZONE = 'Asia/Shanghai'; // UTC+8, no DST
const NOW = Date.UTC(2026, 10, 23, 4); // 2026-11-23 12:00 in Shanghai
const ctx: SegmentContext = { now: NOW, timeZone: ZONE, rfmBreaks: null };

function member(over: Partial<SegmentMember> = {}): SegmentMember {
  return { id: 'm1', tierId: 'regular', tags: [], orderCount: 1, spendMinor: 5000, averageOrderMinor: 5000, firstOrderAt: NOW - 30 * DAY_MS, lastOrderAt: NOW - 30 * DAY_MS, doNotContact: false, profile: {}, ...over };
}

describe('tags any / all / none', () => {
  const gift = member({ tags: ['gift'] });
  const giftVip = member({ tags: ['Gift', 'vip-care'] });
  const none = member({ tags: [] });
  it.each<[string, SegmentFilter, SegmentMember, boolean]>([
    ['any: one of the tags is enough', { tags: { any: ['gift', 'brand-fan'] } }, gift, true],
    ['any: a member without any of them is out', { tags: { any: ['gift', 'brand-fan'] } }, none, false],
    ['all: every tag must be there', { tags: { all: ['gift', 'vip-care'] } }, gift, false],
    ['all: tags compare case-insensitively', { tags: { all: ['gift', 'vip-care'] } }, giftVip, true],
    ['none: a member carrying one is out', { tags: { none: ['vip-care'] } }, giftVip, false],
    ['none: a member without tags is in', { tags: { none: ['vip-care'] } }, none, true],
    ['any and none together', { tags: { any: ['gift'], none: ['vip-care'] } }, gift, true],
    ['any and none together, excluded by none', { tags: { any: ['gift'], none: ['vip-care'] } }, giftVip, false],
    ['purchase motive is any of the motive tags', { motives: ['gift', 'self-use'] }, gift, true],
    ['purchase motive leaves out members without one', { motives: ['self-use'] }, gift, false],
  ])('%s', (_name, filter, m, expected) => {
    expect(memberMatches(filter, m, ctx)).toBe(expected);
  });
});

describe('order dates in the shop time zone', () => {
  // 2026-08-25 23:30 in Shanghai is still 2026-08-25 15:30 UTC; 2026-08-26 00:30 Shanghai is 2026-08-25 16:30 UTC.
  const lateOn25th = Date.UTC(2026, 7, 25, 15, 30);
  const earlyOn26th = Date.UTC(2026, 7, 25, 16, 30);
  it.each<[string, SegmentFilter, number | undefined, boolean]>([
    ['between includes its last day, in the shop zone', { lastOrder: { kind: 'between', to: '2026-08-25' } }, lateOn25th, true],
    ['between ends at local midnight, not UTC midnight', { lastOrder: { kind: 'between', to: '2026-08-25' } }, earlyOn26th, false],
    ['between includes its first day', { lastOrder: { kind: 'between', from: '2026-08-26' } }, earlyOn26th, true],
    ['between excludes the day before its first', { lastOrder: { kind: 'between', from: '2026-08-26' } }, lateOn25th, false],
    ['no order for 90+ days: exactly 90 calendar days ago matches', { lastOrder: { kind: 'atLeastDaysAgo', days: 90 } }, Date.UTC(2026, 7, 25, 1), true],
    ['no order for 90+ days: 89 days ago does not', { lastOrder: { kind: 'atLeastDaysAgo', days: 90 } }, Date.UTC(2026, 7, 26, 1), false],
    ['no order for 90+ days counts local days: 23:30 local on day 90 is day 90', { lastOrder: { kind: 'atLeastDaysAgo', days: 90 } }, lateOn25th, true],
    ['no order for 90+ days counts local days: 00:30 local on day 89 is not', { lastOrder: { kind: 'atLeastDaysAgo', days: 90 } }, earlyOn26th, false],
    ['a member who never ordered is not "no order for 90 days"', { lastOrder: { kind: 'atLeastDaysAgo', days: 90 } }, undefined, false],
    ['ordered within 7 days: today matches', { lastOrder: { kind: 'withinDays', days: 7 } }, NOW - 3_600_000, true],
    ['ordered within 7 days: 7 days ago does not', { lastOrder: { kind: 'withinDays', days: 7 } }, NOW - 7 * DAY_MS, false],
  ])('%s', (_name, filter, lastOrderAt, expected) => {
    expect(memberMatches(filter, member({ lastOrderAt }), ctx)).toBe(expected);
  });

  it('first-order ranges read the first order', () => {
    const m = member({ firstOrderAt: Date.UTC(2025, 0, 10), lastOrderAt: NOW });
    expect(memberMatches({ firstOrder: { kind: 'between', from: '2025-01-01', to: '2025-01-31' } }, m, ctx)).toBe(true);
    expect(memberMatches({ lastOrder: { kind: 'between', from: '2025-01-01', to: '2025-01-31' } }, m, ctx)).toBe(false);
  });

  it('day bounds hold across daylight-saving changes, midnight skipped or repeated included', () => {
    // Every 10 minutes over a spring and an autumn change in zones that move their clocks at or
    // near midnight: the filter must agree with the member's local calendar day.
    const cases: [string, number][] = [
      ['America/Santiago', Date.UTC(2026, 8, 5)],
      ['America/Santiago', Date.UTC(2026, 3, 4)],
      ['America/New_York', Date.UTC(2026, 2, 8)],
      ['Europe/London', Date.UTC(2026, 9, 25)],
      ['Asia/Beirut', Date.UTC(2026, 2, 28)],
    ];
    for (const [timeZone, around] of cases) {
      for (let at = around - 2 * DAY_MS; at < around + 2 * DAY_MS; at += 600_000) {
        const day = localDayNumber(at, timeZone);
        const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
        const c = { ...ctx, timeZone, now: at + 90 * DAY_MS };
        const m = member({ lastOrderAt: at });
        expect(memberMatches({ lastOrder: { kind: 'between', from: date, to: date } }, m, c), `${timeZone} ${new Date(at).toISOString()}`).toBe(true);
        expect(memberMatches({ lastOrder: { kind: 'between', to: new Date((day - 1) * DAY_MS).toISOString().slice(0, 10) } }, m, c)).toBe(false);
        expect(memberMatches({ lastOrder: { kind: 'between', from: new Date((day + 1) * DAY_MS).toISOString().slice(0, 10) } }, m, c)).toBe(false);
        const today = localDayNumber(c.now, timeZone);
        expect(memberMatches({ lastOrder: { kind: 'atLeastDaysAgo', days: today - day } }, m, c)).toBe(true);
        expect(memberMatches({ lastOrder: { kind: 'atLeastDaysAgo', days: today - day + 1 } }, m, c)).toBe(false);
      }
    }
  });

  it('the same instant falls on different days in different shop zones', () => {
    const filter: SegmentFilter = { lastOrder: { kind: 'between', from: '2026-08-26', to: '2026-08-26' } };
    expect(memberMatches(filter, member({ lastOrderAt: earlyOn26th }), ctx)).toBe(true);
    expect(memberMatches(filter, member({ lastOrderAt: earlyOn26th }), { ...ctx, timeZone: 'America/New_York' })).toBe(false);
  });
});

describe('numbers, tiers, birthdays, platforms, do-not-contact', () => {
  it.each<[string, SegmentFilter, Partial<SegmentMember>, boolean]>([
    ['tier is any of the chosen', { tiers: ['gold', 'diamond'] }, { tierId: 'gold' }, true],
    ['tier outside the chosen', { tiers: ['gold', 'diamond'] }, { tierId: 'silver' }, false],
    ['spend range includes both ends', { spend: { min: 5000, max: 5000 } }, { spendMinor: 5000 }, true],
    ['spend below the minimum', { spend: { min: 5001 } }, { spendMinor: 5000 }, false],
    ['order count at most', { orders: { max: 1 } }, { orderCount: 2 }, false],
    ['average order of a member without orders counts as 0', { averageOrder: { min: 1 } }, { orderCount: 0, averageOrderMinor: 0 }, false],
    ['birthday month from YYYY-MM-DD', { birthdayMonths: [3] }, { profile: { birthday: '1990-03-14' } }, true],
    ['birthday month from MM-DD', { birthdayMonths: [3] }, { profile: { birthday: '03-14' } }, true],
    ['no birthday never matches a month', { birthdayMonths: [3] }, { profile: {} }, false],
    ['do-not-contact excluded', { doNotContact: 'exclude' }, { doNotContact: true }, false],
    ['only do-not-contact', { doNotContact: 'only' }, { doNotContact: true }, true],
    ['empty filter matches everyone', {}, { doNotContact: true, orderCount: 0 }, true],
  ])('%s', (_name, filter, over, expected) => {
    expect(memberMatches(filter, member(over), ctx)).toBe(expected);
  });

  it('platform matches the platforms of the member’s handles', () => {
    const platforms = new Map([['a', new Set(['shopee'])], ['b', new Set(['etsy', 'shopee'])]]);
    const members = [member({ id: 'a' }), member({ id: 'b' }), member({ id: 'c' })];
    expect(matchingMembers({ platforms: ['etsy'] }, members, { ...ctx, platforms }).map((m) => m.id)).toEqual(['b']);
    expect(matchingMembers({ platforms: ['shopee'] }, members, { ...ctx, platforms }).map((m) => m.id)).toEqual(['a', 'b']);
    expect(() => compileFilter({ platforms: ['etsy'] }, ctx)).toThrow(/platforms/);
  });
});

describe('points balance', () => {
  const points = { settings: { enabled: true, perUnit: 2 }, shopCurrency: 'USD' };
  it.each<[string, SegmentFilter, Partial<SegmentMember>, SegmentContext['points'], boolean]>([
    ['earned at the shop rate: 50.00 USD at 2 a dollar is 100', { points: { min: 100, max: 100 } }, { spendMinor: 5000 }, points, true],
    ['adjustments by hand count: 100 earned less 30', { points: { max: 70 } }, { spendMinor: 5000, pointsAdjustment: -30 }, points, true],
    ['below the minimum', { points: { min: 101 } }, { spendMinor: 5000 }, points, false],
    ['earned in the member’s own currency: 5,000 JPY at 2 a yen', { points: { min: 10_000 } }, { spendMinor: 5000, currency: 'JPY' }, points, true],
    ['a shop with points off matches no one on points', { points: { min: 0 } }, { spendMinor: 5000 }, { ...points, settings: { enabled: false, perUnit: 2 } }, false],
  ])('%s', (_name, filter, over, pointsCtx, expected) => {
    expect(memberMatches(filter, member(over), { ...ctx, points: pointsCtx })).toBe(expected);
  });
});

describe('RFM segments', () => {
  const members = [
    member({ id: 'best', orderCount: 20, spendMinor: 900_000, lastOrderAt: NOW - DAY_MS }),
    member({ id: 'mid', orderCount: 5, spendMinor: 100_000, lastOrderAt: NOW - 60 * DAY_MS }),
    member({ id: 'gone', orderCount: 1, spendMinor: 1_000, lastOrderAt: NOW - 700 * DAY_MS }),
    member({ id: 'prospect', orderCount: 0, spendMinor: 0, lastOrderAt: undefined, firstOrderAt: undefined }),
  ];
  const withBreaks = { ...ctx, rfmBreaks: rfmBreaks(members, NOW, ZONE) };

  it('filters on the named segment; members without orders are "none"', () => {
    expect(matchingMembers({ rfm: ['champions'] }, members, withBreaks).map((m) => m.id)).toEqual(['best']);
    expect(matchingMembers({ rfm: ['lost'] }, members, withBreaks).map((m) => m.id)).toEqual(['gone']);
    expect(matchingMembers({ rfm: ['none'] }, members, withBreaks).map((m) => m.id)).toEqual(['prospect']);
  });

  it('the overview counts members and revenue share, most valuable first, "none" last', () => {
    const overview = rfmOverview(members.map((m) => ({ ...m, currency: 'USD' })), { ...withBreaks, shopCurrency: 'USD' });
    expect(overview.map((g) => [g.segment, g.members])).toEqual([['champions', 1], ['needAttention', 1], ['lost', 1], ['none', 1]]);
    expect(overview[0]!.revenueShare).toBeCloseTo(900_000 / 1_001_000);
    expect(overview.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1);
  });

  it('spend in another currency counts the member but not the revenue', () => {
    const overview = rfmOverview([{ ...members[0]!, currency: 'EUR' }], { ...withBreaks, shopCurrency: 'USD' });
    expect(overview[0]).toMatchObject({ members: 1, spendMinor: 0, revenueShare: 0 });
  });
});

describe('stored filters', () => {
  it('a valid record reads back as the same filter', () => {
    const filter: SegmentFilter = { tiers: ['gold'], lastOrder: { kind: 'atLeastDaysAgo', days: 90 }, tags: { none: ['complained'] } };
    expect(parseSegmentFilter(JSON.parse(JSON.stringify(filter)))).toEqual(filter);
  });
  it.each<[string, unknown, RegExp]>([
    ['a reversed date range', { lastOrder: { kind: 'between', from: '2026-05-01', to: '2026-04-01' } }, /start date must not be after the end date/],
    ['a reversed amount range', { spend: { min: 10, max: 5 } }, /lower bound/],
    ['a month out of range', { birthdayMonths: [13] }, /birthdayMonths/],
    ['a motive that is not a motive preset', { motives: ['complained'] }, /motives/],
    ['an unknown RFM segment', { rfm: ['vip'] }, /rfm/],
  ])('%s is refused with a message that says where', (_name, value, message) => {
    expect(() => parseSegmentFilter(value)).toThrow(message);
  });
  it('an empty filter is empty; one with a value is not', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ tags: { any: [] } })).toBe(true);
    expect(isEmptyFilter({ tiers: ['gold'] })).toBe(false);
  });
});
