// The parcel gift (VIP care): when an order of a top-tier member is paid and waits to be packed, a
// reminder for whoever packs it: "add the gift for Gold", with the tier's gift text.
import { z } from 'zod';
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm } from './window';

/** A paid order older than this has most likely left the warehouse already. */
const LOOKBACK_MS = 3 * DAY_MS;

export const parcelGiftRule = defineRule({
  kind: 'parcelGift',
  // tiers: the tiers whose parcels get a gift.
  schema: ruleBaseSchema.extend({ tiers: z.array(z.string().max(40)).max(20) }),
  // Packing hours; a note for the packer, not a message to the buyer: no frequency cap.
  defaults: { enabled: true, window: { start: hm(9), end: hm(18) }, capHours: 0, tiers: ['gold', 'diamond'] },
  candidates({ orders, members, now }, s) {
    const out = [];
    for (const o of orders) {
      const paidAt = o.paidAt ?? o.placedAt;
      if (o.status !== 'paid' || paidAt < now - LOOKBACK_MS) continue;
      const member = members.get(o.memberId);
      if (!member || !s.tiers.includes(member.tierId)) continue;
      out.push({ id: candidateId('parcelGift', o.memberId, o.id), kind: 'parcelGift' as const, memberId: o.memberId, orderId: o.id, refAt: paidAt, detail: member.tierId, dueAt: Math.max(paidAt, now - LOOKBACK_MS), priority: o.amountMinor });
    }
    return out;
  },
  // Shipped (or cancelled) before anyone packed the gift: too late.
  obsolete: (_r, _m, order) => order !== undefined && order.status !== 'paid',
});
