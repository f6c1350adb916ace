// Follow-up call after delivery (回访): ~15 days after delivery, and ~30 days when the first left
// something open. High-value buyers first.
import { z } from 'zod';
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm } from './window';

/** A follow-up whose day passed more than this long ago (e.g. a late import) is not made any more. */
const LOOKBACK_MS = 7 * DAY_MS;

export const followUpRule = defineRule({
  kind: 'followUp',
  schema: ruleBaseSchema.extend({ days: z.number().int().min(1).max(365), secondDays: z.number().int().min(1).max(365) }),
  // Sellers call back late morning to mid-afternoon.
  defaults: { enabled: true, window: { start: hm(11), end: hm(16) }, capHours: 24, days: 15, secondDays: 30 },
  candidates({ orders, members, leftOpen, now }, s) {
    const out = [];
    for (const o of orders) {
      if (o.status !== 'delivered' || o.deliveredAt === undefined) continue;
      const member = members.get(o.memberId);
      const dueAt = o.deliveredAt + s.days * DAY_MS;
      if (!member || dueAt < now - LOOKBACK_MS) continue;
      out.push({ id: candidateId('followUp', o.memberId, o.id), kind: 'followUp' as const, memberId: o.memberId, orderId: o.id, refAt: o.deliveredAt, dueAt, priority: member.spendMinor });
    }
    for (const f of leftOpen) {
      const member = members.get(f.memberId);
      if (!member) continue;
      out.push({ id: candidateId('followUp2', f.memberId, f.orderId), kind: 'followUp2' as const, memberId: f.memberId, orderId: f.orderId, refAt: f.deliveredAt, dueAt: Math.max(f.deliveredAt + s.secondDays * DAY_MS, now), priority: member.spendMinor });
    }
    return out;
  },
});
