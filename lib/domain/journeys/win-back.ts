// Win-back (召回): members who have just crossed the lapse threshold, biggest spenders first.
import { lapseDayOf } from '../categories';
import { localDayNumber } from '../time';
import { z } from 'zod';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm, wallInstant } from './window';

/** "Just crossed": the lapse day is at most this many days behind. */
const LOOKBACK_DAYS = 7;

export const winBackRule = defineRule({
  kind: 'winBack',
  // segmentId: only members of that saved segment (e.g. "Gold and Diamond"); '' or absent: every lapsing member.
  schema: ruleBaseSchema.extend({ segmentId: z.string().max(64).optional() }),
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 72 },
  candidates({ members, now, timeZone, lapseDays, categoryCycles = {}, savedSegments }, s) {
    const audience = s.segmentId ? (savedSegments.get(s.segmentId) ?? new Set<string>()) : undefined;
    const today = localDayNumber(now, timeZone);
    const out = [];
    for (const m of members.values()) {
      if (m.lastOrderAt === undefined) continue;
      const lastDay = localDayNumber(m.lastOrderAt, timeZone);
      // Lapsed when every category they buy is past its own threshold (categories.ts).
      const lapseDay = m.categoryLastAt ? lapseDayOf(m, categoryCycles, lapseDays, timeZone)! : lastDay + lapseDays;
      if (lapseDay > today || lapseDay < today - LOOKBACK_DAYS) continue;
      if (audience && !audience.has(m.id)) continue;
      out.push({ id: candidateId('winBack', m.id, new Date(lastDay * 86_400_000).toISOString().slice(0, 10)), kind: 'winBack' as const, memberId: m.id, refAt: m.lastOrderAt, dueAt: wallInstant(lapseDay, s.window.start, timeZone), priority: m.spendMinor });
    }
    return out;
  },
  // Bought again since: no longer lapsed.
  obsolete: (r, member) => member !== undefined && r.refAt !== undefined && (member.lastOrderAt ?? 0) > r.refAt,
});
