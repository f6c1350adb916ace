// Holiday greetings: holidays computed for every year (holiday-calendar.ts) or the shop's own dates, each for the members of chosen tiers, RFM segments or a saved segment.
import { z } from 'zod';
import { localDateParts, localDayNumber } from '../time';
import { RFM_SEGMENTS } from '../types';
import { GREETING_HORIZON_DAYS, nextOccurrence } from './birthday';
import { HOLIDAY_KEYS, holidayDay, REGION_HOLIDAYS, REGIONAL_KEYS, REGIONS, type HolidayKey, type Region } from './holiday-calendar';
import { candidateId, defineRule, ruleBaseSchema, type Candidate, type JourneyFacts, type JourneyMember } from './types';
import { hm, wallInstant } from './window';
import { refinement } from '../reason';

export const holidaySchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9-]{1,40}$/, 'letters, digits and dashes'),
    /** A computed holiday (holiday-calendar.ts): its day is worked out for every year. */
    builtIn: z.enum(HOLIDAY_KEYS).optional(),
    /** Whose Mother's Day or national day, for the holidays that depend on it. */
    region: z.enum(REGIONS).optional(),
    /** The shop's own name for it; '' for a built-in holiday, named in the reader's language. */
    name: z.string().trim().max(60),
    /** A holiday of the shop's own: MM-DD every year, or YYYY-MM-DD once. */
    date: z
      .string()
      .regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'MM-DD, or YYYY-MM-DD for a date that moves')
      .optional(),
    tiers: z.array(z.string()),
    segments: z.array(z.enum(RFM_SEGMENTS)),
    /** A saved segment's id (segments table). */
    segmentId: z.string().optional(),
  })
  .refine((h) => h.builtIn !== undefined || (h.date !== undefined && h.name !== ''), refinement('holidayIncomplete', 'a holiday of your own needs a name and a date (MM-DD)'));
export type Holiday = z.infer<typeof holidaySchema>;

const best = ['gold', 'diamond'];
const loyal: Holiday['segments'] = ['champions', 'loyal', 'cantLose'];

/** A built-in holiday as a row of the list: for the best tiers and the loyal segments. */
export function builtInHoliday(key: HolidayKey, region: Region): Holiday {
  const regional = REGIONAL_KEYS.includes(key);
  return { id: regional ? `${key}-${region}` : key, builtIn: key, ...(regional ? { region } : {}), name: '', tiers: best, segments: loyal };
}

/** The region's default holidays (holiday-calendar.ts REGION_HOLIDAYS). */
export function defaultHolidays(region: Region): Holiday[] {
  return REGION_HOLIDAYS[region].map((key) => builtInHoliday(key, region));
}

/** The next day (today included) a holiday falls on: its year and day number. */
export function nextHolidayDay(holiday: Holiday, now: number, timeZone: string): { year: number; day: number } | undefined {
  if (!holiday.builtIn) {
    if (!holiday.date) return undefined;
    const next = nextOccurrence(holiday.date, now, timeZone);
    // A dated one-off that already passed is not repeated the next year.
    if (!next || (/^\d{4}-/.test(holiday.date) && Number(holiday.date.slice(0, 4)) !== next.year)) return undefined;
    return next;
  }
  const today = localDayNumber(now, timeZone);
  const { year } = localDateParts(now, timeZone);
  for (const y of [year, year + 1]) {
    const day = holidayDay(holiday.builtIn, y, holiday.region);
    if (day !== undefined && day >= today) return { year: y, day };
  }
  return undefined;
}

/** The list in the order the holidays next come (soonest first); one that no longer comes (a past one-off, an unreadable date) goes last, in its place among those. */
export function holidaysByNextDate(holidays: readonly Holiday[], now: number, timeZone: string): Holiday[] {
  const day = new Map(holidays.map((h) => [h, nextHolidayDay(h, now, timeZone)?.day ?? Infinity]));
  return [...holidays].sort((a, b) => day.get(a)! - day.get(b)!);
}

/** Holidays whose greeting day is within the horizon: the store then reads every member once. */
export function upcomingHolidays(
  holidays: readonly Holiday[],
  daysBefore: number,
  now: number,
  timeZone: string,
): { holiday: Holiday; year: number; day: number }[] {
  const today = localDayNumber(now, timeZone);
  const out = [];
  for (const holiday of holidays) {
    const next = nextHolidayDay(holiday, now, timeZone);
    if (next && next.day - daysBefore - today <= GREETING_HORIZON_DAYS) out.push({ holiday, ...next });
  }
  return out;
}

/** What a reminder names the holiday by: the shop's name, else the built-in's key (named when shown). */
export const holidayDetail = (h: Holiday) => h.name || h.builtIn || h.id;

/**
 * A holiday greeting is made once for its whole audience: one reminder whose member is AUDIENCE.
 * Its members are worked out when someone looks (lib/background/reminders/audience.ts), and a
 * member's own greeting row is stored only once an agent acts on it (done, snoozed, assigned).
 */
export const AUDIENCE = '*';

/** The id of one member's greeting out of an audience greeting (the id it would have had alone). */
export const audienceMemberId = (audienceId: string, memberId: string) => audienceId.replace(`:${AUDIENCE}:`, `:${memberId}:`);

/** A member's greeting id back to its audience greeting's id and the member; undefined for any other id. */
export function audienceOf(id: string): { audienceId: string; memberId: string } | undefined {
  const parts = id.split(':');
  if (parts.length !== 4 || parts[0] !== 'holiday' || parts[1] === AUDIENCE) return undefined;
  return { audienceId: ['holiday', AUDIENCE, parts[2], parts[3]].join(':'), memberId: parts[1]! };
}

/** The holiday an audience greeting id names (`holiday:*:<holiday id>:<year>`). */
export const holidayIdOf = (audienceId: string) => audienceId.split(':')[2];

/** Whether a member is in a holiday's audience: of its tiers, its RFM segments or its saved segment. */
export function inAudience(
  holiday: Holiday,
  member: JourneyMember,
  segmentOf: JourneyFacts['segmentOf'],
  savedSegments: JourneyFacts['savedSegments'],
): boolean {
  if (holiday.tiers.includes(member.tierId)) return true;
  if (holiday.segments.length) {
    const segment = segmentOf(member);
    if (segment && holiday.segments.includes(segment)) return true;
  }
  return holiday.segmentId !== undefined && (savedSegments.get(holiday.segmentId)?.has(member.id) ?? false);
}

export const holidayRule = defineRule({
  kind: 'holiday',
  // region: the shop's region its default set comes from (guessed from the time zone when absent).
  schema: ruleBaseSchema.extend({ daysBefore: z.number().int().min(0).max(30), region: z.enum(REGIONS).optional(), holidays: z.array(holidaySchema).max(60) }),
  defaults: { enabled: true, window: { start: hm(10), end: hm(20) }, capHours: 24, daysBefore: 1, holidays: defaultHolidays('other') },
  // One greeting per holiday occurrence for its whole audience, whoever the facts are about: a
  // sweep with a new holiday in view reads no member for it.
  candidates(facts, s) {
    const { now, timeZone } = facts;
    const today = localDayNumber(now, timeZone);
    return upcomingHolidays(s.holidays, s.daysBefore, now, timeZone).map(({ holiday, year, day }): Candidate => {
      const dueDay = Math.max(today, day - s.daysBefore);
      const dueAt = Math.max(wallInstant(dueDay, s.window.start, timeZone), now);
      return { id: candidateId('holiday', AUDIENCE, `${holiday.id}:${year}`), kind: 'holiday', memberId: AUDIENCE, refAt: wallInstant(day, 0, timeZone), detail: holidayDetail(holiday), dueAt, priority: 0 };
    });
  },
});
