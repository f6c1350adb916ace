// Segments: a filter over members (tier, tags, RFM segment, spend, orders, dates, platform,
// birthday month, purchase motive, do-not-contact), evaluated in memory over one scan of members.
// Pure: `now`, the shop's time zone and the RFM cut points come in through the context.
import { z } from 'zod';
import { because, issueReason, refinement } from './reason';
import { pointsOf, type PointsSettings } from './points';
import { PRESET_TAGS } from './preset-tags';
import { rfmScore } from './rfm';
import { calendarDaysBetween, DAY_MS, localDayNumber, wallInstant } from './time';
import { RFM_SEGMENTS, type RfmBreaks, type RfmSegment } from './types';

const MOTIVES = PRESET_TAGS.filter((p) => p.group === 'motive').map((p) => p.id);

const amountRange = z
  .object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, refinement('boundsOrder', 'The lower bound must not be above the upper bound'));

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), refinement('notADate', 'not a real date'));

/**
 * When a member's first or last order was placed, as calendar days of the shop's zone:
 * between two local dates (both included), N or more days ago ("no order for 90+ days"),
 * or within the last N days (today is day 0).
 */
export const dateFilterSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('between'), from: localDate.optional(), to: localDate.optional() })
    .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, refinement('datesOrder', 'The start date must not be after the end date')),
  z.object({ kind: z.literal('atLeastDaysAgo'), days: z.number().int().nonnegative().max(36_500) }),
  z.object({ kind: z.literal('withinDays'), days: z.number().int().positive().max(36_500) }),
]);
export type DateFilter = z.infer<typeof dateFilterSchema>;

const tagList = z.array(z.string().trim().min(1).max(60)).max(100);

export const segmentFilterSchema = z.object({
  /** Any of these tier ids. */
  tiers: z.array(z.string().min(1)).max(50).optional(),
  /** any: at least one; all: every one; none: not one (tags compare case-insensitively). */
  tags: z.object({ any: tagList.optional(), all: tagList.optional(), none: tagList.optional() }).optional(),
  /** Any of these RFM segments; 'none' = members without a counted order (no score). */
  rfm: z.array(z.enum([...RFM_SEGMENTS, 'none'])).max(12).optional(),
  /** Lifetime spend, minor units (compared as stored, like tier thresholds). */
  spend: amountRange.optional(),
  orders: amountRange.optional(),
  averageOrder: amountRange.optional(),
  /** Points balance (earned + adjusted); a shop without points matches no one. */
  points: amountRange.optional(),
  firstOrder: dateFilterSchema.optional(),
  lastOrder: dateFilterSchema.optional(),
  /** Any of these platforms (from the member's handles). */
  platforms: z.array(z.string().min(1).max(40)).max(20).optional(),
  /** Birthday in any of these months (1–12); members without a birthday never match. */
  birthdayMonths: z.array(z.number().int().min(1).max(12)).max(12).optional(),
  /** Any of these purchase-motive preset tags. */
  motives: z.array(z.enum(MOTIVES as [string, ...string[]])).max(MOTIVES.length).optional(),
  /** 'exclude' leaves out do-not-contact members, 'only' keeps just them; absent = both. */
  doNotContact: z.enum(['exclude', 'only']).optional(),
});
export type SegmentFilter = z.infer<typeof segmentFilterSchema>;

export const MOTIVE_TAGS: readonly string[] = MOTIVES;

/** The member fields a filter reads: a stored member row fits. */
export interface SegmentMember {
  id: string;
  tierId: string;
  tags: readonly string[];
  orderCount: number;
  spendMinor: number;
  averageOrderMinor: number;
  firstOrderAt?: number | undefined;
  lastOrderAt?: number | undefined;
  doNotContact: boolean;
  profile: { birthday?: string | undefined };
  /** The currency spend is in (points are earned in it); the shop's when absent. */
  currency?: string | undefined;
  /** Sum of hand adjustments of points (points.ts). */
  pointsAdjustment?: number | undefined;
  /** When the member last ordered in each category (categories.ts). */
  categoryLastAt?: Readonly<Record<string, number>> | undefined;
}

export interface SegmentContext {
  now: number;
  timeZone: string;
  /** The shop's RFM cut points; without them every member is 'none'. */
  rfmBreaks: RfmBreaks | null;
  /** Member id → platforms of its handles; needed only by filters on platform. */
  platforms?: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  /** The shop's points settings and currency; needed only by filters on points. */
  points?: { settings: PointsSettings; shopCurrency: string } | undefined;
}

/** Whether evaluating this filter needs the members' platforms (a scan of identities). */
export function filterNeedsPlatforms(filter: SegmentFilter): boolean {
  return (filter.platforms?.length ?? 0) > 0;
}

/** Member id → platforms of its handles. */
export function platformsByMember(identities: readonly { memberId: string; platform: string; kind: string }[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const i of identities) {
    if (i.kind !== 'handle') continue;
    let set = map.get(i.memberId);
    if (!set) map.set(i.memberId, (set = new Set()));
    set.add(i.platform);
  }
  return map;
}

/** Days since 1970-01-01 of a YYYY-MM-DD local date. */
const dayNumberOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

type Test = (m: SegmentMember) => boolean;

/** The first instant of local day `day` in the zone: local days are ordered as instants are. */
const dayStart = (day: number, timeZone: string) => wallInstant(day, 0, timeZone);

/**
 * Each bound is turned into an instant once (the start of its local day), so members are compared
 * as plain numbers: no time-zone arithmetic per member.
 */
function dateTest(filter: DateFilter, pick: (m: SegmentMember) => number | undefined, ctx: SegmentContext): Test {
  let from = -Infinity;
  let until = Infinity; // exclusive
  if (filter.kind === 'between') {
    if (filter.from !== undefined) from = dayStart(dayNumberOf(filter.from), ctx.timeZone);
    if (filter.to !== undefined) until = dayStart(dayNumberOf(filter.to) + 1, ctx.timeZone);
  } else {
    const today = localDayNumber(ctx.now, ctx.timeZone);
    // "90+ days ago": on a local day at least 90 before today; "within N days": today is day 0.
    if (filter.kind === 'atLeastDaysAgo') until = dayStart(today - filter.days + 1, ctx.timeZone);
    else from = dayStart(today - filter.days + 1, ctx.timeZone);
  }
  // A member who never ordered has no "last order 90 days ago": win-back is for buyers who bought.
  return (m) => {
    const at = pick(m);
    return at !== undefined && at >= from && at < until;
  };
}

function rangeTest(range: { min?: number | undefined; max?: number | undefined }, pick: (m: SegmentMember) => number): Test {
  const min = range.min ?? -Infinity;
  const max = range.max ?? Infinity;
  return (m) => {
    const v = pick(m);
    return v >= min && v <= max;
  };
}

const lower = (tags: readonly string[]) => tags.map((t) => t.trim().toLowerCase());

function birthdayMonth(birthday: string | undefined): number | undefined {
  if (!birthday) return undefined;
  const parts = birthday.split('-');
  const month = Number(parts.length === 3 ? parts[1] : parts[0]);
  return month >= 1 && month <= 12 ? month : undefined;
}

/** The member's RFM segment, or 'none' without a counted order or without cut points. */
export function rfmSegmentOf(member: SegmentMember, ctx: Pick<SegmentContext, 'now' | 'timeZone' | 'rfmBreaks'>): RfmSegment | 'none' {
  if (!ctx.rfmBreaks) return 'none';
  return rfmScore(member, ctx.rfmBreaks, ctx.now, ctx.timeZone)?.segment ?? 'none';
}

/**
 * One predicate for a filter: the checks that are set, cheapest first, all of which must hold.
 * An empty filter matches everyone.
 */
export function compileFilter(filter: SegmentFilter, ctx: SegmentContext): Test {
  const tests: Test[] = [];
  if (filter.doNotContact === 'exclude') tests.push((m) => !m.doNotContact);
  if (filter.doNotContact === 'only') tests.push((m) => m.doNotContact);
  if (filter.tiers?.length) {
    const tiers = new Set(filter.tiers);
    tests.push((m) => tiers.has(m.tierId));
  }
  if (filter.orders) tests.push(rangeTest(filter.orders, (m) => m.orderCount));
  if (filter.spend) tests.push(rangeTest(filter.spend, (m) => m.spendMinor));
  // A member without orders has no average order: only a range starting at 0 includes them.
  if (filter.averageOrder) tests.push(rangeTest(filter.averageOrder, (m) => (m.orderCount ? m.averageOrderMinor : 0)));
  if (filter.points) {
    const points = ctx.points;
    if (!points?.settings.enabled) tests.push(() => false);
    else tests.push(rangeTest(filter.points, (m) => pointsOf(m, points.settings, points.shopCurrency)!.balance));
  }
  const anyTags = filter.tags?.any?.length ? lower(filter.tags.any) : undefined;
  const allTags = filter.tags?.all?.length ? lower(filter.tags.all) : undefined;
  const noneTags = filter.tags?.none?.length ? lower(filter.tags.none) : undefined;
  const motives = filter.motives?.length ? lower(filter.motives) : undefined;
  if (anyTags || allTags || noneTags || motives) {
    // Most members have no tag: answered without making anything.
    const untagged = !anyTags && !allTags && !motives;
    tests.push((m) => {
      if (m.tags.length === 0) return untagged;
      const has = new Set(lower(m.tags));
      if (anyTags && !anyTags.some((t) => has.has(t))) return false;
      if (allTags && !allTags.every((t) => has.has(t))) return false;
      if (noneTags && noneTags.some((t) => has.has(t))) return false;
      return !motives || motives.some((t) => has.has(t));
    });
  }
  if (filter.birthdayMonths?.length) {
    const months = new Set(filter.birthdayMonths);
    tests.push((m) => {
      const month = birthdayMonth(m.profile.birthday);
      return month !== undefined && months.has(month);
    });
  }
  if (filter.firstOrder) tests.push(dateTest(filter.firstOrder, (m) => m.firstOrderAt, ctx));
  if (filter.lastOrder) tests.push(dateTest(filter.lastOrder, (m) => m.lastOrderAt, ctx));
  if (filter.rfm?.length) {
    const wanted = new Set<string>(filter.rfm);
    tests.push((m) => wanted.has(rfmSegmentOf(m, ctx)));
  }
  // Last: a lookup by member id.
  if (filter.platforms?.length) {
    const wanted = filter.platforms;
    const platforms = ctx.platforms;
    if (!platforms) throw new Error('A filter on platform needs the members’ platforms in its context');
    tests.push((m) => {
      const own = platforms.get(m.id);
      return own !== undefined && wanted.some((p) => own.has(p));
    });
  }
  return (m) => {
    for (const test of tests) if (!test(m)) return false;
    return true;
  };
}

export function memberMatches(filter: SegmentFilter, member: SegmentMember, ctx: SegmentContext): boolean {
  return compileFilter(filter, ctx)(member);
}

/** The members a filter selects, in the order given. */
export function matchingMembers<M extends SegmentMember>(filter: SegmentFilter, members: readonly M[], ctx: SegmentContext): M[] {
  const test = compileFilter(filter, ctx);
  const out: M[] = [];
  for (const m of members) if (test(m)) out.push(m);
  return out;
}

/** Reads a stored filter (a record in the segments table); a clear message names what is wrong. */
export function parseSegmentFilter(value: unknown): SegmentFilter {
  const parsed = segmentFilterSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw Object.assign(new Error(`Segment filter ${issue?.path.join('.') || ''}: ${issue?.message ?? 'not valid'}`.replace(' :', ':')), { reason: issue ? issueReason(issue) : because('field.invalid', { field: '—' }) });
}

/** Whether a filter sets nothing (and so selects every member). */
export function isEmptyFilter(filter: SegmentFilter): boolean {
  return Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => x === undefined || (Array.isArray(x) && x.length === 0))));
}

// ---------------------------------------------------------------------------------------------
// RFM overview

export interface RfmGroup {
  segment: RfmSegment | 'none';
  members: number;
  /** Spend of the group's members in the shop currency, minor units. */
  spendMinor: number;
  /** Share of all members' spend in the shop currency, 0–1. */
  revenueShare: number;
}

/**
 * Members and revenue per RFM segment, most valuable first (revenue, then size), as sellers work
 * them; members without a counted order ('none') come last. Spend in other currencies is not added
 * (minor units of different currencies can't be), so a group's share is of shop-currency spend.
 */
export function rfmOverview(members: readonly (SegmentMember & { currency: string })[], ctx: SegmentContext & { shopCurrency: string }): RfmGroup[] {
  const groups = new Map<RfmSegment | 'none', { members: number; spendMinor: number }>();
  let total = 0;
  for (const m of members) {
    const segment = rfmSegmentOf(m, ctx);
    let g = groups.get(segment);
    if (!g) groups.set(segment, (g = { members: 0, spendMinor: 0 }));
    g.members += 1;
    if (m.currency === ctx.shopCurrency) {
      g.spendMinor += m.spendMinor;
      total += m.spendMinor;
    }
  }
  return [...groups]
    .map(([segment, g]) => ({ segment, members: g.members, spendMinor: g.spendMinor, revenueShare: total > 0 ? g.spendMinor / total : 0 }))
    .sort((a, b) => Number(a.segment === 'none') - Number(b.segment === 'none') || b.spendMinor - a.spendMinor || b.members - a.members);
}

/** Calendar days since the member's last order in the shop's zone; undefined without one. */
export function daysSinceLastOrder(member: Pick<SegmentMember, 'lastOrderAt'>, now: number, timeZone: string): number | undefined {
  return member.lastOrderAt === undefined ? undefined : calendarDaysBetween(member.lastOrderAt, now, timeZone);
}
