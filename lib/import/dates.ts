// Dates as order exports write them, read as wall-clock time in the shop's time zone.
import { zoneOffsetMs } from '../domain/time';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/** Epoch ms of a wall-clock time in `timeZone` (the earlier instant when DST repeats an hour). */
export function wallTimeToEpoch(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  return Math.min(first, second);
}

/**
 * Reads "2026-03-04 13:05:00", "2026/3/4 13:05", "03/04/2026 01:05:00 PM", "04/03/26", ISO with
 * an offset or Z (then the zone is the file's, not the shop's). Slash dates are ambiguous: the
 * preset says which order its platform writes. Undefined for anything else: never a guess.
 */
export function parseExportDate(raw: string, timeZone: string, slashOrder: DateOrder = 'mdy'): number | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : t;
  }
  const m = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?)?(?:\s*([+-]\d{2}:?\d{2}|Z|UTC))?$/.exec(text);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let y: number, mo: number, d: number;
  if (m[1]!.length === 4) [y, mo, d] = [a, b, c];
  else if (slashOrder === 'dmy') [d, mo, y] = [a, b, c];
  else [mo, d, y] = [a, b, c];
  if (y < 100) y += 2000;
  let h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const s = m[6] ? Number(m[6]) : 0;
  const ampm = m[7]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    if (ampm === 'pm' && h !== 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return undefined; // 31 April and friends
  const zone = m[8];
  if (zone) {
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    if (zone === 'Z' || zone === 'UTC') return wall;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[^\d]/g, '');
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return wallTimeToEpoch(y, mo, d, h, mi, s, timeZone);
}
