// The owner's reports, from one pass over members and one over orders. Pure: the caller reads the
// store (lib/store/report-data.ts) and passes `now` and the shop's time zone.
import { categoryFiguresByMember, type CategoryFigures } from './category-figures';
import { isCountedOrder } from './stats';
import { intervalHistogram, suggestLapseDays, type HistogramBin, type LapseSuggestion } from './suggest';
import { DAY_MS, localDayNumber } from './time';
import type { OrderStatus } from './types';
import { memberReportPart, type MemberReportPart, type ReportContext, type ReportMember } from './report-members';

export type { MemberReportPart, ReportContext, ReportMember };
export { memberReportPart };

export interface ReportOrder {
  memberId: string;
  placedAt: number;
  amountMinor: number;
  currency: string;
  status: OrderStatus;
  items?: readonly { category?: string | undefined }[] | undefined;
}

/** A category's row of the report: its figures without the raw intervals. */
export type CategoryReportRow = Omit<CategoryFigures, 'intervals'> & { intervalCount: number };

export interface MonthFigures {
  /** 'YYYY-MM' in the shop's zone. */
  month: string;
  /** Members with a counted order in the month. */
  buyers: number;
  /** Of those, members for whom an order in the month was not their first counted order ever. */
  returningBuyers: number;
  /** returningBuyers / buyers; 0 for a month without buyers. */
  repeatRate: number;
  /** Counted orders in the shop currency that were the member's first / a later one, and their sums. */
  newOrders: number;
  returningOrders: number;
  newRevenueMinor: number;
  returningRevenueMinor: number;
}

export interface ShopReport extends MemberReportPart {
  generatedAt: number;
  currency: string;
  /** Buyers, repeat rate and repurchase intervals per product category; empty when no order has a category. */
  byCategory: CategoryReportRow[];
  months: MonthFigures[];
  /** Counted orders in other currencies, left out of the revenue figures (they can't be added). */
  otherCurrencyOrders: number;
  /** Days from an order to the same member's next counted order, ascending (same-day orders left out). */
  intervalDays: Float64Array;
  intervalBins: HistogramBin[];
  lapseSuggestion: LapseSuggestion | undefined;
  /**
   * The lapse curve: Kaplan–Meier survival of the time from a counted order to the member's next
   * one. notBack[N] is the share of orders after which the member had not ordered again N days on;
   * a member's latest order is followed up to today (censored), so recent buyers don't count as
   * lost. Where it flattens, those still away rarely come back.
   */
  lapseCurve: { days: number[]; notBack: number[] };
}

/** The report without the raw intervals: what is kept and drawn. */
export type ReportSummary = Omit<ShopReport, 'intervalDays'>;

/** The report as the background keeps it (lib/store/report-snapshot.ts) and answers it to the reports page. */
export interface ReportSnapshot {
  version: number;
  /** Set when rows changed since it was computed (the keeper's schedule). */
  stale?: boolean;
  /** What the report was computed from (reportStamp): equal stamps mean the report is current. */
  stamp: string;
  /** Reading and computing took this long, in the background. */
  ms: number;
  report: ReportSummary;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** Months since year 0 of a local day number (days since 1970-01-01). */
function monthIndexOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
const monthLabel = (index: number) => `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;

/** The lapse curve is followed at most this long (two years): longer waits are a handful of buyers. */
export const LAPSE_CURVE_MAX_DAYS = 730;

/** Whether orders are grouped by member and by time within a member (as the [memberId+placedAt] index gives them). */
function groupedByMember(orders: readonly ReportOrder[]): boolean {
  for (let i = 1; i < orders.length; i++) {
    const a = orders[i - 1]!;
    const b = orders[i]!;
    if (a.memberId > b.memberId || (a.memberId === b.memberId && a.placedAt > b.placedAt)) return false;
  }
  return true;
}

/** The orders grouped by member, by time within each: as given when they already are (no copy). */
function byMemberThenTime(orders: readonly ReportOrder[]): readonly ReportOrder[] {
  if (groupedByMember(orders)) return orders;
  return [...orders].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.placedAt - b.placedAt));
}

export function shopReport(members: readonly ReportMember[], orders: readonly ReportOrder[], ctx: ReportContext): ShopReport {
  return { generatedAt: ctx.now, currency: ctx.shopCurrency, ...memberReportPart(members, ctx), ...orderReportPart(byMemberThenTime(orders), ctx) };
}

/** The figures read from the orders alone: months, intervals, the lapse curve, categories. */
export type OrderReportPart = Omit<ShopReport, keyof MemberReportPart | 'generatedAt' | 'currency'>;

/** An order as a walk over members hands it (the member is known beside it). */
export type MemberOrder = Omit<ReportOrder, 'memberId'>;

/** Calls `use` once per member with that member's orders by time (members in any order; the orders may be refilled for the next member). */
export type EachMembersOrders = (use: (orders: readonly MemberOrder[]) => void) => void;

/**
 * The report's order figures, from orders grouped by member (members in any order: no figure
 * depends on it) and by time within each member.
 */
export function orderReportPart(orders: readonly ReportOrder[], ctx: ReportContext): OrderReportPart {
  const eachMember: EachMembersOrders = (use) => {
    let from = 0;
    for (let i = 1; i <= orders.length; i++) {
      if (i < orders.length && orders[i]!.memberId === orders[from]!.memberId) continue;
      use(orders.slice(from, i));
      from = i;
    }
  };
  return orderReportOfMembers(eachMember, orders.some((o) => o.items?.some((i) => i.category)), ctx);
}

/**
 * The report's order figures, handed one member's orders at a time (the order ledger's walk: every
 * order of a 200 MB export is never an object at once). `categorised`: an order has an item with a
 * category (the category figures are drawn only then).
 */
export function orderReportOfMembers(eachMember: EachMembersOrders, categorised: boolean, ctx: ReportContext): OrderReportPart {
  const { now, timeZone, shopCurrency } = ctx;
  const monthsShown = ctx.months ?? 24;
  const today = localDayNumber(now, timeZone);

  // --- orders: months, intervals, lapse curve ----------------------------------------------------
  const lastMonth = monthIndexOfDay(today);
  const firstMonth = lastMonth - monthsShown + 1;
  // Each day of the months shown, its month's index among them: a Date per order took a tenth of the pass.
  const firstDay = Date.UTC(Math.floor(firstMonth / 12), firstMonth % 12, 1) / DAY_MS;
  const monthOfDay = new Int32Array(Math.max(0, today - firstDay + 1));
  for (let d = firstDay; d <= today; d++) monthOfDay[d - firstDay] = monthIndexOfDay(d) - firstMonth;
  const months: MonthFigures[] = Array.from({ length: monthsShown }, (_, i) => ({
    month: monthLabel(firstMonth + i),
    buyers: 0,
    returningBuyers: 0,
    repeatRate: 0,
    newOrders: 0,
    returningOrders: 0,
    newRevenueMinor: 0,
    returningRevenueMinor: 0,
  }));
  const intervals: number[] = [];
  const H = LAPSE_CURVE_MAX_DAYS;
  const ended = new Float64Array(H + 2); // waits that ended in a next order after d days (d > H: slot H+1)
  const censored = new Float64Array(H + 2); // waits still open today after d days
  let otherCurrencyOrders = 0;

  let prevDay = -1; // day of the member's previous counted order; -1 before their first
  let curMonth = -1; // month bucket the member's current run of orders is in
  let curReturning = false;
  const closeMonth = () => {
    if (curMonth < 0) return;
    const fig = months[curMonth]!;
    fig.buyers++;
    if (curReturning) fig.returningBuyers++;
  };
  const closeMember = () => {
    closeMonth();
    if (prevDay >= 0) censored[Math.min(H + 1, Math.max(0, today - prevDay))]! += 1;
  };
  const categories = categorised ? categoryFiguresByMember(timeZone) : undefined;
  const addOrder = (o: MemberOrder) => {
    if (!isCountedOrder(o)) return;
    const day = localDayNumber(o.placedAt, timeZone);
    const first = prevDay < 0;
    if (!first) {
      const gap = day - prevDay;
      // Orders on the same day are one visit (a split cart), not a return.
      if (gap >= 1) {
        intervals.push(gap);
        ended[Math.min(H + 1, gap)]! += 1;
      }
    }
    prevDay = day;

    const bucket = day < firstDay ? -1 : day <= today ? monthOfDay[day - firstDay]! : monthIndexOfDay(day) - firstMonth;
    if (bucket !== curMonth) {
      closeMonth();
      curMonth = bucket >= 0 && bucket < monthsShown ? bucket : -1;
      curReturning = false;
    }
    if (curMonth < 0) return;
    if (!first) curReturning = true;
    if (o.currency !== shopCurrency) {
      otherCurrencyOrders++;
      return;
    }
    const fig = months[curMonth]!;
    if (first) {
      fig.newOrders++;
      fig.newRevenueMinor += o.amountMinor;
    } else {
      fig.returningOrders++;
      fig.returningRevenueMinor += o.amountMinor;
    }
  };
  eachMember((orders) => {
    prevDay = -1;
    curMonth = -1;
    curReturning = false;
    for (const o of orders) addOrder(o);
    closeMember();
    categories?.add(orders);
  });
  for (const fig of months) fig.repeatRate = fig.buyers ? fig.returningBuyers / fig.buyers : 0;

  // Kaplan–Meier: at risk on day d = waits lasting at least d days; S(d) = Π (1 − ended(u)/atRisk(u)), u ≤ d.
  let atRisk = 0;
  for (let d = 0; d <= H + 1; d++) atRisk += ended[d]! + censored[d]!;
  const days: number[] = [];
  const notBack: number[] = [];
  let survival = 1;
  for (let d = 0; d <= H; d++) {
    if (atRisk > 0) survival *= 1 - ended[d]! / atRisk;
    days.push(d);
    notBack.push(survival);
    atRisk -= ended[d]! + censored[d]!;
  }

  const intervalDays = Float64Array.from(intervals).sort();
  const byCategory = categories ? categories.finish().map(({ intervals: xs, ...rest }) => ({ ...rest, intervalCount: xs.length })) : [];
  return {
    byCategory,
    months,
    otherCurrencyOrders,
    intervalDays,
    intervalBins: intervalHistogram(intervalDays),
    lapseSuggestion: suggestLapseDays(intervals),
    lapseCurve: { days, notBack },
  };
}

/** Days from each counted order to the member's next one (same day left out), for the lapse suggestion. */
export function repurchaseIntervals(orders: readonly ReportOrder[], timeZone: string): number[] {
  const sorted = byMemberThenTime(orders);
  const out: number[] = [];
  let member = '';
  let prevDay = -1;
  for (const o of sorted) {
    if (!isCountedOrder(o)) continue;
    if (o.memberId !== member) {
      member = o.memberId;
      prevDay = -1;
    }
    const day = localDayNumber(o.placedAt, timeZone);
    if (prevDay >= 0 && day - prevDay >= 1) out.push(day - prevDay);
    prevDay = day;
  }
  return out;
}
