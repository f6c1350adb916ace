// Win-back (召回) in steps: a touch when a member crosses the lapse threshold (per category they buy,
// categories.ts), then more some days later (by default at lapse, +45 and +100 days). Each step is
// due only while the member has not ordered since: a new order moves the last order, so the old
// lapse's later steps are never made, and open ones become obsolete. Members are ranked by how
// likely they are to come back.
import { lapseDayOf } from '../category-lapse';
import { DAY_MS, localDayNumber } from '../time';
import { z } from 'zod';
import { candidateId, defineRule, ruleBaseSchema, type Candidate } from './types';
import { hm, wallInstant } from './window';

/** "Just crossed": a step's day is at most this many days behind. */
const LOOKBACK_DAYS = 7;

export const DEFAULT_WIN_BACK_STEPS = [0, 45, 100];

/**
 * How likely a lapsed member is to come back, between 0 and 1, from recency and frequency alone:
 * more orders make a habit (1 order 0.28, 3 orders 0.63, 6 orders 0.86), and the chance halves as
 * the silence doubles past the lapse threshold. Spend is left out on purpose: one big order says
 * less about a return than five small ones.
 */
export function comeBackScore(m: { orderCount: number; lastOrderAt?: number | undefined }, now: number, lapseDays: number): number {
  if (m.lastOrderAt === undefined || m.orderCount < 1) return 0;
  const silentDays = Math.max(1, (now - m.lastOrderAt) / DAY_MS);
  const frequency = 1 - Math.exp(-m.orderCount / 3);
  const recency = Math.min(1, lapseDays / silentDays);
  return frequency * recency;
}

export const winBackRule = defineRule({
  kind: 'winBack',
  // segmentId: only members of that saved segment (e.g. "Gold and Diamond"); '' or absent: every lapsing member.
  // steps: days after the lapse day each touch is due; the first is usually 0 (at lapse).
  schema: ruleBaseSchema.extend({ segmentId: z.string().max(64).optional(), steps: z.array(z.number().int().min(0).max(3650)).min(1).max(6) }),
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 72, steps: DEFAULT_WIN_BACK_STEPS },
  candidates({ members, now, timeZone, lapseDays, categoryCycles = {}, savedSegments }, s) {
    const audience = s.segmentId ? (savedSegments.get(s.segmentId) ?? new Set<string>()) : undefined;
    const today = localDayNumber(now, timeZone);
    const steps = [...new Set(s.steps)].sort((a, b) => a - b);
    const out: Candidate[] = [];
    for (const m of members.values()) {
      if (m.lastOrderAt === undefined) continue;
      if (audience && !audience.has(m.id)) continue;
      const lastDay = localDayNumber(m.lastOrderAt, timeZone);
      // Lapsed when every category they buy is past its own threshold (categories.ts).
      const lapseDay = m.categoryLastAt ? lapseDayOf(m, categoryCycles, lapseDays, timeZone)! : lastDay + lapseDays;
      const last = m.lastOrderAt;
      steps.forEach((step, k) => {
        const day = lapseDay + step;
        if (day > today || day < today - LOOKBACK_DAYS) return;
        const suffix = step === 0 ? '' : `:+${step}`;
        out.push({
          // Keyed on the last order's instant, not its local date: the shop's time zone may change.
          id: candidateId('winBack', m.id, `@${last}${suffix}`),
          // Before, the last order's local date (with no step suffix at lapse): one of these three in any zone.
          formerIds: [-1, 0, 1].map((d) => candidateId('winBack', m.id, `${new Date(last + d * DAY_MS).toISOString().slice(0, 10)}${suffix}`)),
          kind: 'winBack' as const,
          memberId: m.id,
          refAt: m.lastOrderAt,
          detail: steps.length > 1 ? `${k + 1}/${steps.length}` : undefined,
          dueAt: wallInstant(day, s.window.start, timeZone),
          priority: Math.round(comeBackScore(m, now, lapseDays) * 1_000_000),
        });
      });
    }
    return out;
  },
  // Bought again since: no longer lapsed, the remaining touches stop.
  obsolete: (r, member) => member !== undefined && r.refAt !== undefined && (member.lastOrderAt ?? 0) > r.refAt,
});
