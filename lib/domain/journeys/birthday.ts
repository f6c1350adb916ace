// Birthday greeting (生日关怀): N days before the birthday in the member's profile.
import { z } from 'zod';
import { localDateParts, localDayNumber } from '../time';
import { candidateId, defineRule, ruleBaseSchema } from './types';
import { hm, wallInstant } from './window';
import { dayOf } from './calendar-day';

/** Greetings are made this many days ahead of their due day, so they show as upcoming. */
export const GREETING_HORIZON_DAYS = 7;

/** The next occurrence (today included) of an MM-DD or YYYY-MM-DD date: its year and day number. */
export function nextOccurrence(date: string, now: number, timeZone: string): { year: number; day: number } | undefined {
  const m = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const today = localDayNumber(now, timeZone);
  const { year } = localDateParts(now, timeZone);
  for (const y of [year, year + 1]) {
    const d = dayOf(y, month, day);
    if (d >= today) return { year: y, day: d };
  }
  return undefined;
}

export const birthdayRule = defineRule({
  kind: 'birthday',
  schema: ruleBaseSchema.extend({ daysBefore: z.number().int().min(0).max(30) }),
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 24, daysBefore: 1 },
  candidates({ members, now, timeZone }, s) {
    const today = localDayNumber(now, timeZone);
    const out = [];
    for (const member of members.values()) {
      const birthday = member.profile.birthday;
      if (!birthday) continue;
      const next = nextOccurrence(birthday, now, timeZone);
      if (!next) continue;
      const dueDay = Math.max(today, next.day - s.daysBefore);
      if (dueDay - today > GREETING_HORIZON_DAYS) continue;
      out.push({ id: candidateId('birthday', member.id, next.year), kind: 'birthday' as const, memberId: member.id, refAt: wallInstant(next.day, 0, timeZone), dueAt: Math.max(wallInstant(dueDay, s.window.start, timeZone), now), priority: member.spendMinor });
    }
    return out;
  },
});
