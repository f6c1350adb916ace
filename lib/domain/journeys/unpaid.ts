// Unpaid order nudge (催付): an order still unpaid N hours after it was placed.
import { z } from 'zod';
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm } from './window';

/** Platforms cancel unpaid orders after a day or two: older ones are past nudging. */
const LOOKBACK_MS = 3 * DAY_MS;

export const unpaidRule = defineRule({
  kind: 'unpaid',
  schema: ruleBaseSchema.extend({ hours: z.number().min(0).max(72) }),
  defaults: { enabled: true, window: { start: hm(9), end: hm(21) }, capHours: 0, hours: 2 },
  candidates({ orders, members, now }, s) {
    return orders
      .filter((o) => o.status === 'unpaid' && o.placedAt >= now - LOOKBACK_MS && members.has(o.memberId))
      .map((o) => ({ id: candidateId('unpaid', o.memberId, o.id), kind: 'unpaid' as const, memberId: o.memberId, orderId: o.id, refAt: o.placedAt, dueAt: o.placedAt + s.hours * 3_600_000, priority: o.amountMinor }));
  },
  obsolete: (_r, _m, order) => order !== undefined && order.status !== 'unpaid',
});
