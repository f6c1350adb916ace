import { describe, expect, it } from 'vitest';
import { encodeMembers, memberIds, type FactMember } from './member-columns';
import { memberReportPart, memberReportPartOf, reportMembersOfColumns, type ReportContext } from './report-members';
import { rfmBreaks, rfmBreaksOfColumns } from './rfm';
import { DEFAULT_TIER_LADDER } from './tiers';
import { DAY_MS } from './time';

const NOW = Date.UTC(2026, 10, 15, 12);
const ctx: ReportContext = { now: NOW, timeZone: 'Asia/Shanghai', shopCurrency: 'USD', tierLadder: DEFAULT_TIER_LADDER, rfmBreaks: null, lapseDays: 60, top: 3 };

const fact = (id: string, days: number | undefined, orderCount: number, spendMinor: number, over: Partial<FactMember> = {}): FactMember => ({
  id,
  tierId: 'regular',
  tags: [],
  orderCount,
  spendMinor,
  averageOrderMinor: orderCount ? spendMinor / orderCount : 0,
  lastOrderAt: days === undefined ? undefined : NOW - days * DAY_MS,
  firstOrderAt: days === undefined ? undefined : NOW - (days + 30) * DAY_MS,
  doNotContact: false,
  profile: {},
  currency: 'USD',
  ...over,
});

// Every case the member figures tell apart: tiers (one no longer on the ladder), no orders, another
// currency, lapsed or not, a member lapsing by the categories they buy, ties in spend.
const members: FactMember[] = [
  fact('a', 3, 5, 50_000, { tierId: 'gold', tags: ['vip'] }),
  fact('b', 10, 2, 9_000, { tierId: 'silver' }),
  fact('c', 100, 1, 9_000),
  fact('d', undefined, 0, 0),
  fact('e', 20, 3, 70_000, { currency: 'EUR' }),
  fact('f', 40, 2, 4_000, { tierId: 'retired-tier', categoryLastAt: { Tea: NOW - 40 * DAY_MS } }),
  fact('g', 40, 2, 4_000, { categoryLastAt: { Tea: NOW - 40 * DAY_MS, Teaware: NOW - 40 * DAY_MS } }),
  fact('h', 400, 7, 120_000, { profile: { birthday: '03-14' } }),
];
const categoryCycles = { Tea: { lapseDays: 30, cycleDays: 20 }, Teaware: { lapseDays: 400, cycleDays: 365 } };

describe('the report’s member figures from the kept member columns', () => {
  const columns = encodeMembers(members);
  const ids = memberIds(columns);

  it('cut the same RFM points as the member objects', () => {
    expect(rfmBreaksOfColumns(columns, NOW, ctx.timeZone)).toEqual(rfmBreaks(members, NOW, ctx.timeZone));
    const none = encodeMembers([fact('d', undefined, 0, 0)]);
    expect(rfmBreaksOfColumns(none, NOW, ctx.timeZone)).toEqual(rfmBreaks([], NOW, ctx.timeZone));
  });

  it.each([
    ['the members’ own cut points', ctx],
    ['stored cut points and category lapse thresholds', { ...ctx, rfmBreaks: { recencyDays: [5, 15, 30, 90], frequency: [1, 2, 3, 5], monetary: [4000, 9000, 20000, 60000] }, categoryCycles }],
  ])('equal those of the member objects, with %s', (_what, context) => {
    const objects = members.map((m) => ({ ...m, displayName: '' }));
    const breaks = context.rfmBreaks ?? rfmBreaks(members, NOW, context.timeZone);
    expect(memberReportPartOf(reportMembersOfColumns(columns, ids), columns.count, breaks, context)).toEqual(memberReportPart(objects, context));
  });

  it('keep the top members as they were, though one object is refilled for each member', () => {
    const part = memberReportPartOf(reportMembersOfColumns(columns, ids), columns.count, rfmBreaks(members, NOW, ctx.timeZone), ctx);
    expect(part.top.map((m) => [m.id, m.spendMinor])).toEqual([['h', 120_000], ['a', 50_000], ['b', 9_000]]);
  });
});
