// Calendar arithmetic in the shop's IANA time zone. Time is always a parameter: no Date.now() here.
// Invalid zone names throw a RangeError from Intl; settings validate the zone at the boundary.

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LocalDateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekday: number;
}

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** Span index → the offset at the span's start and its changes inside it, flattened [at, offset, …]. */
  spans: Map<number, { offset: number; changes: number[] }>;
  /** Span index → lookups in a span not loaded yet, each answered by one Intl call. */
  lookups: Map<number, number>;
}

// Offsets are found once per 52-week span by sampling weekly and binary-searching each change to the
// second, so a loop over 100k timestamps costs a few hundred Intl calls, not 100k. This assumes a
// zone never changes its offset twice within one week, which holds for every rule in use.
const SAMPLE_MS = 7 * DAY_MS;
const SPAN_MS = 52 * SAMPLE_MS;
/**
 * Loading a span costs 53 Intl calls (about twice that where the clocks change): a span's first
 * lookups are each answered by one call instead, and the span is loaded only on the lookup after
 * these. The popup's first screen (a few dozen lookups, entrypoints/popup/early.ts) then loads none.
 */
const LOOKUPS_BEFORE_SPAN = 48;

const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (cache === undefined) {
    cache = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      spans: new Map(),
      lookups: new Map(),
    };
    zones.set(timeZone, cache);
  }
  return cache;
}

/** The zone's UTC offset at `ts` straight from Intl (slow path: one formatToParts call). */
function exactOffset(format: Intl.DateTimeFormat, ts: number): number {
  const n: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(ts)) n[part.type] = Number(part.value);
  const wall = Date.UTC(n.year ?? 0, (n.month ?? 1) - 1, n.day ?? 1, n.hour ?? 0, n.minute ?? 0, n.second ?? 0);
  return wall - Math.floor(ts / 1000) * 1000;
}

function loadSpan(format: Intl.DateTimeFormat, index: number): { offset: number; changes: number[] } {
  const start = index * SPAN_MS;
  const offset = exactOffset(format, start);
  const changes: number[] = [];
  let before = start;
  let current = offset;
  for (let sample = start + SAMPLE_MS; sample <= start + SPAN_MS; sample += SAMPLE_MS) {
    const next = exactOffset(format, sample);
    if (next !== current) {
      // Transitions fall on whole seconds: search seconds between the two samples.
      let lo = before;
      let hi = sample;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (exactOffset(format, mid) === current) lo = mid;
        else hi = mid;
      }
      if (hi < start + SPAN_MS) changes.push(hi, next);
      current = next;
    }
    before = sample;
  }
  return { offset, changes };
}

/** Offset (ms to add to UTC to get local wall time) of `timeZone` at `ts`. */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  const cache = zoneCache(timeZone);
  const index = Math.floor(ts / SPAN_MS);
  let span = cache.spans.get(index);
  if (span === undefined) {
    const lookups = (cache.lookups.get(index) ?? 0) + 1;
    if (lookups <= LOOKUPS_BEFORE_SPAN) {
      cache.lookups.set(index, lookups);
      return exactOffset(cache.format, ts);
    }
    cache.lookups.delete(index);
    span = loadSpan(cache.format, index);
    cache.spans.set(index, span);
  }
  let offset = span.offset;
  const changes = span.changes;
  for (let i = 0; i + 1 < changes.length; i += 2) {
    if (ts < (changes[i] ?? Infinity)) break;
    offset = changes[i + 1] ?? offset;
  }
  return offset;
}

/** Days since 1970-01-01 of the local date at `ts` in `timeZone`. */
export function localDayNumber(ts: number, timeZone: string): number {
  return Math.floor((ts + zoneOffsetMs(ts, timeZone)) / DAY_MS);
}

/** Whole calendar days from the local date of `earlier` to that of `later` (negative if reversed). */
export function calendarDaysBetween(earlier: number, later: number, timeZone: string): number {
  return localDayNumber(later, timeZone) - localDayNumber(earlier, timeZone);
}

export function localDateParts(ts: number, timeZone: string): LocalDateParts {
  const wall = new Date(ts + zoneOffsetMs(ts, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay(),
  };
}

/**
 * First instant of the local day containing `ts`. Usually local midnight; where a DST change
 * skips midnight (clocks jump 00:00 → 01:00) it is the transition instant, and where midnight
 * happens twice (01:00 → 00:00) it is the first of the two.
 */
export function startOfLocalDay(ts: number, timeZone: string): number {
  const day = localDayNumber(ts, timeZone);
  const wallMidnight = day * DAY_MS;
  const guess = wallMidnight - zoneOffsetMs(ts, timeZone);
  // Any offset in force near midnight shows up within a few hours of the first guess.
  const offsets = new Set([
    zoneOffsetMs(guess - 3 * HOUR_MS, timeZone),
    zoneOffsetMs(guess, timeZone),
    zoneOffsetMs(guess + 3 * HOUR_MS, timeZone),
  ]);
  let start: number | undefined;
  for (const offset of offsets) {
    const candidate = wallMidnight - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset && (start === undefined || candidate < start)) {
      start = candidate;
    }
  }
  if (start !== undefined) return start;

  // Midnight was skipped: binary-search the first millisecond that belongs to `day`.
  let lo = guess - 4 * HOUR_MS; // still the previous day
  let hi = guess + 4 * HOUR_MS; // already `day`
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayNumber(mid, timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The instant the wall clock in `timeZone` shows `minutes` after midnight on local day `day`
 * (days since 1970-01-01). A wall time skipped by a daylight-saving jump maps to the instant just
 * after the jump (02:30 on a spring-forward night is 03:30); a repeated one to its first occurrence.
 */
export function wallInstant(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY_MS + minutes * 60_000;
  // Offsets in force within half a day either side cover every zone's transitions.
  const before = zoneOffsetMs(wall - 43_200_000, timeZone);
  const after = zoneOffsetMs(wall + 43_200_000, timeZone);
  const valid = [before, after].map((o) => wall - o).filter((t) => zoneOffsetMs(t, timeZone) === wall - t);
  return valid.length ? Math.min(...valid) : wall - before;
}
