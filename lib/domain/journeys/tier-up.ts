// Tier upgrade: a member who just moved up a tier (a reason to reach out).
import { DAY_MS } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm } from './window';

const LOOKBACK_MS = 7 * DAY_MS;

export const tierUpRule = defineRule({
  kind: 'tierUp',
  schema: ruleBaseSchema,
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 24 },
  candidates({ tierChanges, members, now }) {
    const out = [];
    for (const c of tierChanges) {
      const member = members.get(c.memberId);
      // Only an upgrade earned by a recent order: importing years of history moves tiers "now" too.
      if (c.direction !== 'up' || c.at < now - LOOKBACK_MS || !member || (member.lastOrderAt ?? 0) < now - LOOKBACK_MS) continue;
      if (member.tierId !== c.to) continue; // moved again since
      out.push({ id: candidateId('tierUp', c.memberId, c.id), kind: 'tierUp' as const, memberId: c.memberId, refAt: c.at, detail: c.to, dueAt: c.at, priority: member.spendMinor });
    }
    return out;
  },
});
