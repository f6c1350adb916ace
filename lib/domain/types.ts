// Shared domain types. Pure data: no browser APIs, no Dexie.
// Money is integer minor units with an ISO 4217 currency code; timestamps are epoch milliseconds.

export const ORDER_STATUSES = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses whose amount never counts as spend. */
export const NON_SPEND_STATUSES: readonly OrderStatus[] = ['unpaid', 'cancelled', 'refunded'];

export interface OrderItem {
  title: string;
  sku?: string | undefined;
  quantity: number;
  /** Unit price in minor units of the order's currency, when known. */
  priceMinor?: number | undefined;
  /** The product category (lib/domain/categories.ts): from the export's own column, or a rule. */
  category?: string | undefined;
  categorySource?: 'export' | 'rule' | undefined;
}

/** The fields of an order that domain rules read. */
export interface OrderFacts {
  amountMinor: number;
  currency: string;
  status: OrderStatus;
  placedAt: number;
  paidAt?: number | undefined;
  shippedAt?: number | undefined;
  deliveredAt?: number | undefined;
}

export interface MemberStats {
  /** Orders that count (not cancelled, refunded or unpaid). */
  orderCount: number;
  /** Sum of counted orders, minor units of `currency`. */
  spendMinor: number;
  /** The currency most of the member's counted orders are in (ties: the first seen); shop currency when none. */
  currency: string;
  /** Counted orders in `currency` (the ones spend and average are over); equals orderCount unless currencies are mixed. */
  spendOrderCount: number;
  /** Rounded average of counted orders; 0 when none. */
  averageOrderMinor: number;
  /** Placed time of the first / last counted order; undefined when none. */
  firstOrderAt?: number | undefined;
  lastOrderAt?: number | undefined;
}

export interface TierStep {
  id: string;
  name: string;
  color: string;
  /** Reached when spend >= minSpendMinor (if set) and/or orders >= minOrders (if set), combined per `match`. */
  minSpendMinor?: number | undefined;
  minOrders?: number | undefined;
  /** What the tier gives the buyer (free shipping, 5% off…), per language, for the agent to say. */
  benefits?: TierBenefits | undefined;
  /** The parcel gift for this tier's orders at packing time (VIP care), per language. */
  gift?: TierBenefits | undefined;
}

export const BENEFIT_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type BenefitLocale = (typeof BENEFIT_LOCALES)[number];
export type TierBenefits = Partial<Record<BenefitLocale, string>>;

export interface TierLadder {
  /** Lowest first. The first step has no thresholds and is everyone's floor. */
  steps: TierStep[];
  /** 'any' = either threshold reaches the step; 'all' = every set threshold must hold. */
  match: 'any' | 'all';
  /** 'lifetime' or a rolling window in days (e.g. 365). */
  window: 'lifetime' | { days: number };
}

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalist',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Ascending cut points for quintile scores: 4 numbers; value <= cuts[0] scores 1 … > cuts[3] scores 5. */
export interface RfmBreaks {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}
