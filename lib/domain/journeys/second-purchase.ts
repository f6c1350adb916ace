// Second-purchase push: a one-time buyer, after the repurchase cycle of what they bought (the
// category's, categories.ts), or N days after their first order when it has none.
import { z } from 'zod';
import { secondPurchaseDays } from '../category-lapse';
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm } from './window';

const LOOKBACK_MS = 7 * DAY_MS;

export const secondPurchaseRule = defineRule({
  kind: 'secondPurchase',
  schema: ruleBaseSchema.extend({ days: z.number().int().min(1).max(365) }),
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 24, days: 30 },
  candidates({ members, now, categoryCycles = {} }, s) {
    const out = [];
    for (const m of members.values()) {
      if (m.orderCount !== 1 || m.firstOrderAt === undefined) continue;
      const dueAt = m.firstOrderAt + secondPurchaseDays(m.categoryLastAt, categoryCycles, s.days) * DAY_MS;
      if (dueAt < now - LOOKBACK_MS || dueAt > now + LOOKBACK_MS) continue;
      out.push({ id: candidateId('secondPurchase', m.id), kind: 'secondPurchase' as const, memberId: m.id, refAt: m.firstOrderAt, dueAt, priority: m.spendMinor });
    }
    return out;
  },
  obsolete: (_r, member) => member !== undefined && member.orderCount >= 2,
});
