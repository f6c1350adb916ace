// The report's member figures (tiers, RFM segments, buyers, lapsed, top members): one pass over the
// members alone, so a change to members only (a ladder, a merge, tags) recomputes them without
// reading orders (lib/background/reports keeps the order figures).
import { type CategoryCycles } from './categories';
import { categoryLastOf, type MemberColumns } from './member-columns';
import { lapseDayOf } from './category-lapse';
import { rfmBreaks, rfmScore, RFM_SEGMENT_ORDER } from './rfm';
import { localDayNumber } from './time';
import type { RfmBreaks, RfmSegment, TierLadder } from './types';

export interface ReportMember {
  id: string;
  displayName: string;
  tierId: string;
  orderCount: number;
  spendMinor: number;
  currency: string;
  lastOrderAt?: number | undefined;
  firstOrderAt?: number | undefined;
  categoryLastAt?: Readonly<Record<string, number>> | undefined;
}

export interface ReportContext {
  now: number;
  timeZone: string;
  shopCurrency: string;
  tierLadder: TierLadder;
  /** The stored cut points; computed from `members` when null. */
  rfmBreaks: RfmBreaks | null;
  lapseDays: number;
  /** Lapse thresholds per category (a member lapses when every category they buy has); none: lapseDays for all. */
  categoryCycles?: CategoryCycles | undefined;
  /** Calendar months shown in the monthly charts, ending with the current one. */
  months?: number;
  /** Members listed in the top members table. */
  top?: number;
}

/** The figures read from the members alone: they move with a ladder, a merge, a new day. */
export interface MemberReportPart {
  members: number;
  /** Members with at least one counted order. */
  buyers: number;
  /** Members with two or more counted orders. */
  repeatBuyers: number;
  /** Members past the lapse threshold of every category they buy (categories.ts's rule; lapseDays without categories). */
  lapsedMembers: number;
  byTier: { id: string; name: string; color: string; count: number }[];
  bySegment: { segment: RfmSegment | 'none'; count: number }[];
  top: { id: string; displayName: string; tierId: string; orderCount: number; spendMinor: number; lastOrderAt?: number | undefined }[];
}

export function memberReportPart(members: readonly ReportMember[], ctx: ReportContext): MemberReportPart {
  return memberReportPartOf(members, members.length, ctx.rfmBreaks ?? rfmBreaks(members, ctx.now, ctx.timeZone), ctx);
}

/**
 * memberReportPart over `count` members given one at a time (reportMembersOfColumns refills one
 * object: nothing here keeps a member it was given), scored with `breaks`.
 */
export function memberReportPartOf(members: Iterable<ReportMember>, count: number, breaks: RfmBreaks, ctx: ReportContext): MemberReportPart {
  const { now, timeZone, shopCurrency } = ctx;
  const today = localDayNumber(now, timeZone);
  const cycles = ctx.categoryCycles ?? {};

  // --- members: tiers, segments, top ------------------------------------------------------------
  const ladder = ctx.tierLadder.steps;
  const tierAt = new Map(ladder.map((s, i) => [s.id, i]));
  const tierCounts = new Array<number>(ladder.length).fill(0);
  const segmentCounts = new Map<RfmSegment | 'none', number>();
  let buyers = 0;
  let repeatBuyers = 0;
  let lapsed = 0;
  const topN = ctx.top ?? 20;
  const top: MemberReportPart['top'] = [];
  for (const m of members) {
    // A tier id no longer on the ladder is shown on the floor, as the panel does.
    tierCounts[tierAt.get(m.tierId) ?? 0]! += 1;
    const score = rfmScore(m, breaks, now, timeZone);
    const segment = score?.segment ?? 'none';
    segmentCounts.set(segment, (segmentCounts.get(segment) ?? 0) + 1);
    if (m.orderCount >= 1) buyers++;
    if (m.orderCount >= 2) repeatBuyers++;
    if (m.lastOrderAt !== undefined) {
      const lapseDay = m.categoryLastAt ? lapseDayOf(m, cycles, ctx.lapseDays, timeZone)! : localDayNumber(m.lastOrderAt, timeZone) + ctx.lapseDays;
      if (today >= lapseDay) lapsed++;
    }
    if (m.currency === shopCurrency && m.spendMinor > 0 && (top.length < topN || m.spendMinor > top[top.length - 1]!.spendMinor)) {
      // Insertion into a short sorted list: topN is small, members are many.
      let at = top.length;
      while (at > 0 && top[at - 1]!.spendMinor < m.spendMinor) at--;
      const { id, displayName, tierId, orderCount, spendMinor, lastOrderAt } = m;
      top.splice(at, 0, { id, displayName, tierId, orderCount, spendMinor, lastOrderAt });
      if (top.length > topN) top.pop();
    }
  }

  return {
    members: count,
    buyers,
    repeatBuyers,
    lapsedMembers: lapsed,
    byTier: ladder.map((s, i) => ({ id: s.id, name: s.name, color: s.color, count: tierCounts[i]! })),
    bySegment: [...RFM_SEGMENT_ORDER, 'none' as const].map((segment) => ({ segment, count: segmentCounts.get(segment) ?? 0 })),
    top,
  };
}

/**
 * Every member of the kept member columns as the report reads them, without building 100k objects:
 * one object, refilled for each member (copy what you keep). No display names (the columns have none).
 */
export function* reportMembersOfColumns(c: MemberColumns, ids: readonly string[]): Generator<ReportMember> {
  const m: ReportMember = { id: '', displayName: '', tierId: '', orderCount: 0, spendMinor: 0, currency: '' };
  for (let i = 0; i < c.count; i++) {
    const first = c.firstOrderAt[i]!;
    const last = c.lastOrderAt[i]!;
    m.id = ids[i]!;
    m.tierId = c.tierNames[c.tier[i]!]!;
    m.currency = c.currencyNames[c.currency[i]!]!;
    m.orderCount = c.orderCount[i]!;
    m.spendMinor = c.spendMinor[i]!;
    m.firstOrderAt = Number.isNaN(first) ? undefined : first;
    m.lastOrderAt = Number.isNaN(last) ? undefined : last;
    m.categoryLastAt = categoryLastOf(c, i);
    yield m;
  }
}
