// Contact windows and quiet hours in the shop's time zone. A window is minutes after local midnight;
// one whose start is after its end runs across midnight (e.g. 20:00-02:00).
import { z } from 'zod';
import { DAY_MS, localDateParts, localDayNumber, zoneOffsetMs } from '../time';

export const contactWindowSchema = z
  .object({ start: z.number().int().min(0).max(1439), end: z.number().int().min(0).max(1440) })
  .refine((w) => w.start !== w.end, { message: 'a contact window cannot start and end at the same time' });
export type ContactWindow = z.infer<typeof contactWindowSchema>;

export const hm = (hours: number, minutes = 0) => hours * 60 + minutes;

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

/** Whether local time at `ts` lies inside the window. */
export function insideWindow(ts: number, window: ContactWindow, timeZone: string): boolean {
  const { hour, minute } = localDateParts(ts, timeZone);
  const m = hour * 60 + minute;
  return window.start < window.end ? m >= window.start && m < window.end : m >= window.start || m < window.end;
}

/** `ts` itself when it falls in the window, else the window's next opening in the shop's zone. */
export function nextAllowedTime(ts: number, window: ContactWindow, timeZone: string): number {
  if (insideWindow(ts, window, timeZone)) return ts;
  const { hour, minute } = localDateParts(ts, timeZone);
  const m = hour * 60 + minute;
  const day = localDayNumber(ts, timeZone);
  return wallInstant(m < window.start ? day : day + 1, window.start, timeZone);
}
