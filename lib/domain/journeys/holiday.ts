// Holiday greetings: a list of dates, each for the members of chosen tiers, RFM segments or a saved segment.
import { z } from 'zod';
import { localDayNumber } from '../time';
import { RFM_SEGMENTS } from '../types';
import { GREETING_HORIZON_DAYS, nextOccurrence } from './birthday';
import { candidateId, defineRule, ruleBaseSchema, type Candidate, type JourneyFacts } from './types';
import { hm, wallInstant } from './window';

export const holidaySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(60),
  /** MM-DD every year, or YYYY-MM-DD once (lunar holidays move). */
  date: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'MM-DD, or YYYY-MM-DD for a date that moves'),
  tiers: z.array(z.string()),
  segments: z.array(z.enum(RFM_SEGMENTS)),
  /** A saved segment's id (segments table). */
  segmentId: z.string().optional(),
});
export type Holiday = z.infer<typeof holidaySchema>;

const best = ['gold', 'diamond'];
const loyal: Holiday['segments'] = ['champions', 'loyal', 'cantLose'];

/** Sensible defaults for the shop's language: western holidays in English, Chinese ones in Chinese. */
export function defaultHolidays(locale: string): Holiday[] {
  if (locale.startsWith('zh')) {
    return [
      { id: 'new-year', name: locale === 'zh-TW' ? '元旦' : '元旦', date: '01-01', tiers: best, segments: loyal },
      { id: 'spring-2027', name: '春节', date: '2027-02-06', tiers: best, segments: loyal },
      { id: 'spring-2028', name: '春节', date: '2028-01-26', tiers: best, segments: loyal },
      { id: 'mid-autumn-2027', name: '中秋', date: '2027-09-15', tiers: best, segments: loyal },
      { id: 'singles-day', name: '双十一', date: '11-11', tiers: best, segments: loyal },
    ].map((h) => ({ ...h, name: locale === 'zh-TW' ? h.name.replace('春节', '春節').replace('双十一', '雙十一') : h.name }));
  }
  return [
    { id: 'new-year', name: "New Year's Day", date: '01-01', tiers: best, segments: loyal },
    { id: 'valentine', name: "Valentine's Day", date: '02-14', tiers: best, segments: [] },
    { id: 'black-friday-2026', name: 'Black Friday', date: '2026-11-27', tiers: best, segments: loyal },
    { id: 'christmas', name: 'Christmas', date: '12-25', tiers: best, segments: loyal },
  ];
}

/** Holidays whose greeting day is within the horizon: the store then reads every member once. */
export function upcomingHolidays(holidays: readonly Holiday[], daysBefore: number, now: number, timeZone: string): { holiday: Holiday; year: number; day: number }[] {
  const today = localDayNumber(now, timeZone);
  const out = [];
  for (const holiday of holidays) {
    const next = nextOccurrence(holiday.date, now, timeZone);
    if (!next) continue;
    if (/^\d{4}-/.test(holiday.date) && Number(holiday.date.slice(0, 4)) !== next.year) continue; // a dated one-off already passed
    if (next.day - daysBefore - today <= GREETING_HORIZON_DAYS) out.push({ holiday, ...next });
  }
  return out;
}

function inAudience(holiday: Holiday, facts: JourneyFacts, memberId: string): boolean {
  const member = facts.members.get(memberId)!;
  if (holiday.tiers.includes(member.tierId)) return true;
  if (holiday.segments.length) {
    const segment = facts.segmentOf(member);
    if (segment && holiday.segments.includes(segment)) return true;
  }
  return holiday.segmentId !== undefined && (facts.savedSegments.get(holiday.segmentId)?.has(memberId) ?? false);
}

export const holidayRule = defineRule({
  kind: 'holiday',
  schema: ruleBaseSchema.extend({ daysBefore: z.number().int().min(0).max(30), holidays: z.array(holidaySchema).max(60) }),
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 24, daysBefore: 1, holidays: defaultHolidays('en') },
  candidates(facts, s) {
    const { now, timeZone } = facts;
    const today = localDayNumber(now, timeZone);
    const out: Candidate[] = [];
    for (const { holiday, year, day } of upcomingHolidays(s.holidays, s.daysBefore, now, timeZone)) {
      const dueDay = Math.max(today, day - s.daysBefore);
      const dueAt = Math.max(wallInstant(dueDay, s.window.start, timeZone), now);
      for (const member of facts.members.values()) {
        if (!inAudience(holiday, facts, member.id)) continue;
        out.push({ id: candidateId('holiday', member.id, `${holiday.id}:${year}`), kind: 'holiday', memberId: member.id, refAt: wallInstant(day, 0, timeZone), detail: holiday.name, dueAt, priority: member.spendMinor });
      }
    }
    return out;
  },
});
