// Follow-up call after delivery (回访): ~15 days after delivery, and ~30 days when the first left
// something open. High-value buyers first. One per buyer at a time, for their latest order.
import { z } from 'zod';
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema, type JourneyOrder } from './types';
import { hm } from './window';

/** A follow-up whose day passed more than this long ago (e.g. a late import) is not made any more. */
const LOOKBACK_MS = 7 * DAY_MS;

/** What a follow-up counts from: the delivery, else an estimate from the shipping or the payment. */
export const FOLLOW_UP_BASES = ['delivered', 'shipped', 'paid'] as const;
export type FollowUpBasis = (typeof FOLLOW_UP_BASES)[number];

export interface FollowUpAnchor {
  /** When the parcel reached the buyer, or when it most likely did. */
  at: number;
  basis: FollowUpBasis;
}

/**
 * Most exports and pages carry no delivery date (Taobao, Shopee, Shopify, Lazada, WooCommerce,
 * Etsy, eBay, captured orders): the delivery is then the shipping day plus the shop's usual
 * transit, else the payment (or the order, when it was paid with it) plus the usual days to delivery.
 */
export function followUpAnchor(o: JourneyOrder, s: { transitDays: number; paidDays: number }): FollowUpAnchor | undefined {
  if (o.status !== 'delivered' && o.status !== 'shipped' && o.status !== 'paid') return undefined;
  if (o.deliveredAt !== undefined) return { at: o.deliveredAt, basis: 'delivered' };
  if (o.shippedAt !== undefined) return { at: o.shippedAt + s.transitDays * DAY_MS, basis: 'shipped' };
  return { at: (o.paidAt ?? o.placedAt) + s.paidDays * DAY_MS, basis: 'paid' };
}

/** Each member's latest order a follow-up can be about. */
function latestPerMember(orders: readonly JourneyOrder[], s: { transitDays: number; paidDays: number }): JourneyOrder[] {
  const latest = new Map<string, JourneyOrder>();
  for (const o of orders) {
    if (!followUpAnchor(o, s)) continue;
    const seen = latest.get(o.memberId);
    if (!seen || o.placedAt > seen.placedAt || (o.placedAt === seen.placedAt && o.id > seen.id)) latest.set(o.memberId, o);
  }
  return [...latest.values()];
}

export const followUpRule = defineRule({
  kind: 'followUp',
  schema: ruleBaseSchema.extend({
    days: z.number().int().min(1).max(365),
    secondDays: z.number().int().min(1).max(365),
    /** Days a parcel usually takes from shipping to the buyer. */
    transitDays: z.number().int().min(0).max(60),
    /** Days an order usually takes from payment to the buyer (handling plus transit). */
    paidDays: z.number().int().min(0).max(90),
  }),
  // Sellers call back late morning to mid-afternoon.
  defaults: { enabled: true, window: { start: hm(11), end: hm(16) }, capHours: 24, days: 15, secondDays: 30, transitDays: 4, paidDays: 7 },
  candidates({ orders, members, leftOpen, now }, s) {
    const out = [];
    for (const o of latestPerMember(orders, s)) {
      const anchor = followUpAnchor(o, s)!;
      const member = members.get(o.memberId);
      const dueAt = anchor.at + s.days * DAY_MS;
      if (!member || dueAt < now - LOOKBACK_MS) continue;
      out.push({ id: candidateId('followUp', o.memberId, o.id), kind: 'followUp' as const, memberId: o.memberId, orderId: o.id, refAt: anchor.at, detail: anchor.basis, dueAt, priority: member.spendMinor });
    }
    for (const f of leftOpen) {
      const member = members.get(f.memberId);
      if (!member) continue;
      out.push({ id: candidateId('followUp2', f.memberId, f.orderId), kind: 'followUp2' as const, memberId: f.memberId, orderId: f.orderId, refAt: f.deliveredAt, dueAt: Math.max(f.deliveredAt + s.secondDays * DAY_MS, now), priority: member.spendMinor });
    }
    return out;
  },
  // Cancelled or refunded since, or the buyer ordered again: the follow-up moves to the latest order.
  obsolete: (_r, member, order) =>
    order !== undefined && (order.status === 'cancelled' || order.status === 'refunded' || order.status === 'unpaid' || (member?.lastOrderAt !== undefined && member.lastOrderAt > order.placedAt)),
});

/** Whether an order may still make a follow-up at `now` (the sweep reads only those). */
export function followUpPending(o: JourneyOrder, s: { days: number; transitDays: number; paidDays: number }, now: number): boolean {
  const anchor = followUpAnchor(o, s);
  return anchor !== undefined && anchor.at + s.days * DAY_MS >= now - LOOKBACK_MS - DAY_MS;
}
