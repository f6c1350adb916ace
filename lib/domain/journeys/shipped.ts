// Shipping notice (发货通知): tell the buyer when the order ships.
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm } from './window';

const LOOKBACK_MS = 3 * DAY_MS;

export const shippedRule = defineRule({
  kind: 'shipped',
  schema: ruleBaseSchema,
  // A service message, not marketing: no frequency cap by default.
  defaults: { enabled: true, window: { start: hm(9), end: hm(21) }, capHours: 0 },
  candidates({ orders, members, now }) {
    return orders
      .filter((o) => o.status === 'shipped' && (o.shippedAt ?? o.placedAt) >= now - LOOKBACK_MS && members.has(o.memberId))
      .map((o) => {
        const at = o.shippedAt ?? o.placedAt;
        return { id: candidateId('shipped', o.memberId, o.id), kind: 'shipped' as const, memberId: o.memberId, orderId: o.id, refAt: at, dueAt: Math.max(at, now - LOOKBACK_MS), priority: o.amountMinor };
      });
  },
  // Delivered, cancelled or refunded before anyone told the buyer: the notice is moot.
  obsolete: (_r, _m, order) => order !== undefined && order.status !== 'shipped',
});
