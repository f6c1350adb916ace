// The members table's columns: their labels and widths, which are shown at first, and how each
// sorts. Rows are member indices into the page's MemberList; a comparator reads the list, never a row object.
import type { ColumnVisibilityState, SortingState } from '@tanstack/react-table';
import type { TierStep } from '@/lib/domain';
import { pointsOf, type PointsSettings } from '@/lib/domain/points';
import type { MessageKey } from '@/lib/i18n';
import type { MemberList } from '../../lib/member-list/member-list';

/** Compares two members by their index in the list. */
export type Compare = (a: number, b: number) => number;
const byNumber = (pick: (i: number) => number | undefined): Compare => (a, b) => (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity);
const byRank = (rank: () => Uint32Array): Compare => {
  let ranks: Uint32Array | undefined; // worked out at the first comparison: a column never sorted costs nothing
  return (a, b) => {
    ranks ??= rank();
    return ranks[a]! - ranks[b]!;
  };
};

/** Member indices in the order the user sorted them: stable, so ties keep the order they came in. */
export function sortRows(rows: Uint32Array, sorting: SortingState, compare: Readonly<Record<string, Compare | undefined>>): Uint32Array {
  const [sort] = sorting;
  const by = sort && compare[sort.id];
  if (!sort || !by) return rows;
  const sign = sort.desc ? -1 : 1;
  return rows.slice().sort((a, b) => sign * by(a, b));
}

/** A member's points balance by their index in the list (the shop's rate applied to their spend, plus adjustments). */
export type PointsAt = (i: number) => number;

export function pointsColumn(list: MemberList, settings: PointsSettings, shopCurrency: string): PointsAt {
  return (i) => pointsOf(
    { spendMinor: list.spendMinor(i), currency: list.currency(i), pointsAdjustment: list.facts.pointsAdjustment?.[i] },
    settings,
    shopCurrency,
  )?.balance ?? 0;
}

/** The comparators of the sortable columns; text columns sort by a rank the list works out once. Points sort only when the shop uses them. */
export function columnComparators(list: MemberList, tiers: readonly TierStep[], points?: PointsAt): Record<ColumnId, Compare | undefined> {
  const rank = new Map(tiers.map((step, i) => [step.id, i]));
  const tierRank = (i: number) => rank.get(list.tierId(i)) ?? -1;
  return {
    name: byRank(() => list.rankBy('name')),
    handles: byRank(() => list.rankBy('handles')),
    tier: byNumber(tierRank),
    segment: byRank(() => list.rankBy('segment')),
    tags: undefined,
    orders: byNumber((i) => list.orderCount(i)),
    spend: byNumber((i) => list.spendMinor(i)),
    average: byNumber((i) => list.averageOrderMinor(i)),
    points: points && byNumber(points),
    lastOrder: byNumber((i) => list.lastOrderAt(i)),
    firstOrder: byNumber((i) => list.firstOrderAt(i)),
    phone: byRank(() => list.rankBy('phone')),
    dnc: byNumber((i) => Number(list.doNotContact(i))),
  };
}

/** Column id → grid width; its label is `segments.col.<id>`. The default columns fit a 1,400 px window beside the filters. */
const WIDTHS = {
  name: 'minmax(120px, 1.4fr)',
  handles: 'minmax(100px, 1.2fr)',
  tier: '90px',
  segment: '132px',
  tags: 'minmax(72px, 1fr)',
  orders: '72px',
  spend: '104px',
  average: '100px',
  points: '88px',
  lastOrder: '120px',
  firstOrder: '120px',
  phone: '130px',
  dnc: '104px',
} as const;
export type ColumnId = keyof typeof WIDTHS;
export const COLUMNS = Object.fromEntries(
  (Object.keys(WIDTHS) as ColumnId[]).map((id) => [id, { label: `segments.col.${id}` satisfies MessageKey, width: WIDTHS[id] }]),
) as { [id in ColumnId]: { label: `segments.col.${id}`; width: (typeof WIDTHS)[id] } };
export const DEFAULT_HIDDEN: ColumnVisibilityState = { firstOrder: false, phone: false, average: false };
/** Columns whose first click sorts from the largest (numbers and dates); text sorts from A. */
export const DESC_FIRST = new Set<ColumnId>(['orders', 'spend', 'average', 'points', 'lastOrder', 'firstOrder', 'dnc']);

/** The columns this shop's table offers: points only where the shop uses them. */
export function columnIds(withPoints: boolean): ColumnId[] {
  return (Object.keys(COLUMNS) as ColumnId[]).filter((id) => id !== 'points' || withPoints);
}
