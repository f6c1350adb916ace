// What journey rules read and what they propose. Pure data: rules never touch the store.
import { z } from 'zod';
import type { CategoryCycles } from '../categories';
import type { OrderStatus, RfmSegment } from '../types';
import { contactWindowSchema } from './window';

export const JOURNEY_KINDS = ['unpaid', 'shipped', 'followUp', 'followUp2', 'birthday', 'holiday', 'secondPurchase', 'winBack', 'tierUp', 'parcelGift'] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];
export const journeyKindSchema = z.enum(JOURNEY_KINDS);

/** Every rule's settings share these: on/off, the hours it may be due in, and its frequency cap. */
export const ruleBaseSchema = z.object({
  enabled: z.boolean(),
  window: contactWindowSchema,
  /** A member contacted within this many hours is not reminded again for this reason until it passes. */
  capHours: z.number().int().min(0).max(24 * 90),
});
export type RuleBase = z.infer<typeof ruleBaseSchema>;

export interface JourneyMember {
  id: string;
  tierId: string;
  doNotContact: boolean;
  orderCount: number;
  spendMinor: number;
  firstOrderAt?: number | undefined;
  lastOrderAt?: number | undefined;
  profile: { birthday?: string | undefined };
  /** When they last ordered in each category (categories.ts): lapse and the second purchase follow it. */
  categoryLastAt?: Readonly<Record<string, number>> | undefined;
}

export interface JourneyOrder {
  id: string;
  memberId: string;
  status: OrderStatus;
  amountMinor: number;
  placedAt: number;
  paidAt?: number | undefined;
  shippedAt?: number | undefined;
  deliveredAt?: number | undefined;
}

export interface JourneyTierChange {
  id: string;
  memberId: string;
  to: string;
  direction: 'up' | 'down' | 'same';
  at: number;
}

/** A first follow-up marked done with the matter left open: the second one is due. */
export interface LeftOpenFollowUp {
  memberId: string;
  orderId: string;
  /** When the order was delivered. */
  deliveredAt: number;
}

export interface JourneyFacts {
  now: number;
  timeZone: string;
  lapseDays: number;
  /** Lapse threshold and repurchase cycle per category; a member lapses when every category they buy has. */
  categoryCycles?: CategoryCycles | undefined;
  /** The members the facts are about (rules skip anything whose member is missing). */
  members: ReadonlyMap<string, JourneyMember>;
  orders: readonly JourneyOrder[];
  tierChanges: readonly JourneyTierChange[];
  leftOpen: readonly LeftOpenFollowUp[];
  /** The member's RFM segment, when the shop has RFM cut points. */
  segmentOf(member: JourneyMember): RfmSegment | undefined;
  /** Saved segments' members, resolved by the store ahead of evaluation. */
  savedSegments: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A reminder a rule proposes, before respect (do-not-contact, cap, quiet hours) is applied. */
export interface Candidate {
  /** Deterministic: kind + member + order/occurrence, so evaluating again never duplicates. */
  id: string;
  kind: JourneyKind;
  memberId: string;
  dueAt: number;
  orderId?: string | undefined;
  /** The moment the reason refers to (delivered at, birthday, lapse day…), for "delivered 15 days ago". */
  refAt?: number | undefined;
  /** e.g. a holiday's name, a tier id. */
  detail?: string | undefined;
  /** Higher first: the member's spend for follow-ups and win-back. */
  priority: number;
  /**
   * Ids earlier versions gave this occurrence (they used a local date, so a time zone change made
   * a new one): a stored row under one of them with the same kind and refAt stands for it.
   */
  formerIds?: string[] | undefined;
}

export interface JourneyRule<S extends RuleBase = RuleBase> {
  kind: JourneyKind;
  schema: z.ZodType<S>;
  defaults: S;
  candidates(facts: JourneyFacts, settings: S): Candidate[];
  /** An open reminder of this rule that no longer applies (the order was paid, the member bought again). */
  obsolete?(
    reminder: { orderId?: string | undefined; refAt?: number | undefined },
    member: JourneyMember | undefined,
    order: JourneyOrder | undefined,
  ): boolean;
}

/** Rule ids use the member and what makes the occurrence unique. */
export const candidateId = (kind: JourneyKind, memberId: string, occurrence?: string | number) =>
  occurrence === undefined ? `${kind}:${memberId}` : `${kind}:${memberId}:${occurrence}`;

export function defineRule<S extends RuleBase>(rule: JourneyRule<S>): JourneyRule<S> {
  return rule;
}
