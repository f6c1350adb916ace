// Contact windows and quiet hours in the shop's time zone. A window is minutes after local midnight;
// one whose start is after its end runs across midnight (e.g. 20:00-02:00).
import { z } from 'zod';
import { localDateParts, localDayNumber, wallInstant } from '../time';
import { refinement } from '../reason';

export const contactWindowSchema = z
  .object({ start: z.number().int().min(0).max(1439), end: z.number().int().min(0).max(1440) })
  .refine((w) => w.start !== w.end, refinement('windowEmpty', 'a contact window cannot start and end at the same time'));
export type ContactWindow = z.infer<typeof contactWindowSchema>;

export const hm = (hours: number, minutes = 0) => hours * 60 + minutes;

export { wallInstant };

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
