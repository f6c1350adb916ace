import { describe, expect, it } from 'vitest';
import { hm, insideWindow, nextAllowedTime, wallInstant } from './window';
import { localDayNumber } from '../time';

const SG = 'Asia/Singapore';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
/** Epoch ms of a wall-clock ISO time in UTC, for readability of the tables. */
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('contact windows in the shop zone', () => {
  it.each([
    // [case, now (UTC), zone, window, expected (UTC)]
    ['inside the window stays put', '2026-11-23T03:00:00', SG, { start: hm(9), end: hm(21) }, '2026-11-23T03:00:00'],
    ['before the window opens: today at opening', '2026-11-22T23:30:00', SG, { start: hm(9), end: hm(21) }, '2026-11-23T01:00:00'],
    ['after it closes: tomorrow at opening', '2026-11-23T14:00:00', SG, { start: hm(9), end: hm(21) }, '2026-11-24T01:00:00'],
    ['the closing minute itself is outside', '2026-11-23T13:00:00', SG, { start: hm(9), end: hm(21) }, '2026-11-24T01:00:00'],
    ['follow-up window 11:00-16:00: 16:30 moves to 11:00 next day', '2026-11-23T08:30:00', SG, { start: hm(11), end: hm(16) }, '2026-11-24T03:00:00'],
    ['a window across midnight: 23:30 is allowed', '2026-11-23T15:30:00', SG, { start: hm(20), end: hm(2) }, '2026-11-23T15:30:00'],
    ['a window across midnight: 01:30 is allowed', '2026-11-23T17:30:00', SG, { start: hm(20), end: hm(2) }, '2026-11-23T17:30:00'],
    ['a window across midnight: 03:00 waits for 20:00 the same day', '2026-11-23T19:00:00', SG, { start: hm(20), end: hm(2) }, '2026-11-24T12:00:00'],
    // New York springs forward on 8 March 2026 (02:00 EST -> 03:00 EDT): 09:00 local is 13:00 UTC after, 14:00 before.
    ['the night before the spring change: opening at 09:00 EDT', '2026-03-08T03:00:00', NY, { start: hm(9), end: hm(21) }, '2026-03-08T13:00:00'],
    ['the night before the autumn change: opening at 09:00 EST', '2026-11-01T05:30:00', NY, { start: hm(9), end: hm(21) }, '2026-11-01T14:00:00'],
    ['a window opening inside the skipped hour opens just after the jump', '2026-03-29T00:10:00', BERLIN, { start: hm(2, 30), end: hm(21) }, '2026-03-29T01:30:00'],
  ])('%s', (_name, now, zone, window, expected) => {
    expect(new Date(nextAllowedTime(utc(now), window, zone)).toISOString()).toBe(new Date(utc(expected)).toISOString());
  });

  it('the result is always inside the window', () => {
    const w = { start: hm(11), end: hm(16) };
    for (let t = utc('2026-03-01T00:00:00'); t < utc('2026-03-15T00:00:00'); t += 37 * 60_000) expect(insideWindow(nextAllowedTime(t, w, NY), w, NY)).toBe(true);
  });

  it('a repeated wall time (autumn change) maps to its first occurrence', () => {
    // 01:30 on 1 Nov 2026 happens twice in New York; the first is 05:30 UTC (EDT).
    expect(new Date(wallInstant(localDayNumber(utc('2026-11-01T12:00:00'), NY), hm(1, 30), NY)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});
