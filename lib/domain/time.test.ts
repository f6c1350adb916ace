import { describe, expect, it, vi } from 'vitest';
import { calendarDaysBetween, DAY_MS, localDateParts, localDayNumber, startOfLocalDay } from './time';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

describe('calendarDaysBetween', () => {
  it.each([
    ['two instants on the same local day are 0 days apart', utc(2024, 5, 1, 16, 1), utc(2024, 5, 2, 15, 59), 'Asia/Shanghai', 0],
    ['one minute across local midnight is 1 day', utc(2024, 5, 1, 15, 59), utc(2024, 5, 1, 16, 1), 'Asia/Shanghai', 1],
    ['the same instants fall on one day in UTC', utc(2024, 5, 1, 15, 59), utc(2024, 5, 1, 16, 1), 'UTC', 0],
    ['a 23-hour spring-forward day still counts as 1 day', utc(2024, 3, 9, 17), utc(2024, 3, 10, 16), 'America/New_York', 1],
    ['a 25-hour fall-back day still counts as 1 day', utc(2024, 11, 2, 16), utc(2024, 11, 3, 17), 'America/New_York', 1],
    ['a leap year has 366 days', utc(2024, 1, 1, 12), utc(2025, 1, 1, 12), 'Europe/Berlin', 366],
    ['reversed arguments give a negative count', utc(2024, 5, 10, 12), utc(2024, 5, 1, 12), 'Europe/Berlin', -9],
    ['half-hour zones cut days at their own midnight', utc(2024, 5, 1, 18, 29), utc(2024, 5, 1, 18, 31), 'Asia/Kolkata', 1],
  ])('%s', (_rule, earlier, later, zone, days) => {
    expect(calendarDaysBetween(earlier, later, zone)).toBe(days);
  });

  it('agrees with day-by-day stepping over two years in a DST zone', () => {
    const start = utc(2023, 1, 1, 11);
    for (let i = 0; i < 730; i += 1) {
      expect(calendarDaysBetween(start, start + i * DAY_MS, 'Europe/London')).toBe(i);
    }
  });
});

describe('localDateParts', () => {
  it.each([
    ['Shanghai is already in March at 16:05 UTC on 29 February', utc(2024, 2, 29, 16, 5), 'Asia/Shanghai',
      { year: 2024, month: 3, day: 1, hour: 0, minute: 5, weekday: 5 }],
    ['New York is still in the previous year at 03:00 UTC on 1 January', utc(2025, 1, 1, 3), 'America/New_York',
      { year: 2024, month: 12, day: 31, hour: 22, minute: 0, weekday: 2 }],
    ['the last millisecond before spring-forward is still 01:59', utc(2024, 3, 10, 7) - 1, 'America/New_York',
      { year: 2024, month: 3, day: 10, hour: 1, minute: 59, weekday: 0 }],
    ['the first millisecond after spring-forward is 03:00', utc(2024, 3, 10, 7), 'America/New_York',
      { year: 2024, month: 3, day: 10, hour: 3, minute: 0, weekday: 0 }],
    ['Casablanca falls back an hour when Ramadan starts', utc(2024, 3, 10, 2), 'Africa/Casablanca',
      { year: 2024, month: 3, day: 10, hour: 2, minute: 0, weekday: 0 }],
    ['Casablanca springs forward again a month later', utc(2024, 4, 14, 2), 'Africa/Casablanca',
      { year: 2024, month: 4, day: 14, hour: 3, minute: 0, weekday: 0 }],
    ['Kathmandu keeps its quarter-hour offset', utc(2024, 6, 1, 0, 0), 'Asia/Kathmandu',
      { year: 2024, month: 6, day: 1, hour: 5, minute: 45, weekday: 6 }],
  ])('%s', (_rule, ts, zone, parts) => {
    expect(localDateParts(ts, zone)).toEqual(parts);
  });
});

describe('local time matches Intl', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Tehran',
    'Africa/Casablanca', 'America/Havana', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];
  it.each(zones)('wall-clock parts in %s agree with Intl at any instant, DST changes included', (zone) => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    let seed = 11;
    const from = utc(2000, 1, 1);
    const range = utc(2030, 1, 1) - from;
    for (let i = 0; i < 1500; i += 1) {
      seed = (seed * 16807) % 2147483647;
      const ts = from + Math.floor((seed / 2147483647) * range);
      const p = Object.fromEntries(intl.formatToParts(ts).map((part) => [part.type, part.value]));
      const { year, month, day, hour, minute } = localDateParts(ts, zone);
      expect([year, month, day, hour, minute]).toEqual([p.year, p.month, p.day, p.hour, p.minute].map(Number));
    }
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['an ordinary day starts at local midnight', utc(2024, 1, 1, 15), 'Asia/Shanghai', utc(2023, 12, 31, 16)],
    ['a spring-forward day starts at midnight standard time', utc(2024, 3, 10, 15), 'America/New_York', utc(2024, 3, 10, 5)],
    ['a fall-back day starts at midnight summer time', utc(2024, 11, 3, 15), 'America/New_York', utc(2024, 11, 3, 4)],
    ['a day whose midnight was skipped starts at the transition', utc(2018, 11, 4, 15), 'America/Sao_Paulo', utc(2018, 11, 4, 3)],
    ['a day with two midnights starts at the first', utc(2023, 11, 5, 15), 'America/Havana', utc(2023, 11, 5, 4)],
    ['the first instant of a day is its own start', utc(2023, 12, 31, 16), 'Asia/Shanghai', utc(2023, 12, 31, 16)],
  ])('%s', (_rule, ts, zone, start) => {
    expect(startOfLocalDay(ts, zone)).toBe(start);
    expect(localDayNumber(start - 1, zone)).toBe(localDayNumber(ts, zone) - 1);
  });
});

describe("a zone's offsets looked up a few times", () => {
  it('are each one Intl call, with no year of weekly samples loaded, and the same days once that year is loaded', () => {
    const zone = 'America/St_Johns';
    const now = utc(2031, 3, 9, 12);
    const calls = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      // A popup's first screen: a few rows, each its day and today's (the clocks go forward that night).
      const few = Array.from({ length: 12 }, (_, i) => localDayNumber(now + i * 3_600_000, zone));
      expect(calls.mock.calls.length).toBeLessThanOrEqual(12);
      // A list of hundreds loads the year: the same days as one Intl call each gave.
      for (let i = 0; i < 100; i++) localDayNumber(now - i * DAY_MS, zone);
      expect(calls.mock.calls.length).toBeGreaterThan(60);
      expect(Array.from({ length: 12 }, (_, i) => localDayNumber(now + i * 3_600_000, zone))).toEqual(few);
    } finally {
      calls.mockRestore();
    }
  });
});
