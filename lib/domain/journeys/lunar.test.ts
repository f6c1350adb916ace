import { describe, expect, it } from 'vitest';
import { lunarDay } from './lunar';

const iso = (day: number | undefined) => (day === undefined ? undefined : new Date(day * 86_400_000).toISOString().slice(0, 10));

// Hong Kong Observatory, Gregorian-Lunar Calendar Conversion Table 1901-2100
// (https://www.hko.gov.hk/en/gts/time/conversion.htm), read for each year: the Gregorian day of
// 1/1 (Spring Festival), 1/15 (Lantern), 5/5 (Dragon Boat), 7/7 (Qixi), 8/15 (Mid-Autumn) and 9/9
// (Double Ninth). Spring Festival 2027 and 2030 are the years where ICU alone is a day off.
const PUBLISHED: [number, string, string, string, string, string, string][] = [
  // year, spring, lantern, dragon boat, qixi, mid-autumn, double ninth
  [2026, '02-17', '03-03', '06-19', '08-19', '09-25', '10-18'],
  [2027, '02-06', '02-20', '06-09', '08-08', '09-15', '10-08'],
  [2028, '01-26', '02-09', '05-28', '08-26', '10-03', '10-26'],
  [2029, '02-13', '02-27', '06-16', '08-16', '09-22', '10-16'],
  [2030, '02-03', '02-17', '06-05', '08-05', '09-12', '10-05'],
  [2031, '01-23', '02-06', '06-24', '08-24', '10-01', '10-24'],
  [2032, '02-11', '02-25', '06-12', '08-12', '09-19', '10-12'],
  [2033, '01-31', '02-14', '06-01', '08-01', '09-08', '10-01'],
  [2034, '02-19', '03-05', '06-20', '08-20', '09-27', '10-20'],
  [2035, '02-08', '02-22', '06-10', '08-10', '09-16', '10-09'],
  [2036, '01-28', '02-11', '05-30', '08-28', '10-04', '10-27'],
  [2037, '02-15', '03-01', '06-18', '08-17', '09-24', '10-17'],
  [2038, '02-04', '02-18', '06-07', '08-07', '09-13', '10-07'],
  [2039, '01-24', '02-07', '05-27', '08-26', '10-02', '10-26'],
  [2040, '02-12', '02-26', '06-14', '08-14', '09-20', '10-14'],
];

describe('lunar festivals match the Hong Kong Observatory table', () => {
  it.each(PUBLISHED)('%i', (year, spring, lantern, dragon, qixi, midAutumn, ninth) => {
    const got = [lunarDay(year, 1, 1), lunarDay(year, 1, 15), lunarDay(year, 5, 5), lunarDay(year, 7, 7), lunarDay(year, 8, 15), lunarDay(year, 9, 9)].map(iso);
    expect(got).toEqual([spring, lantern, dragon, qixi, midAutumn, ninth].map((d) => `${year}-${d}`));
  });

  it('a year with a leap month after the 6th (2036: leap 6th) keeps Qixi in the ordinary 7th month', () => {
    // 2036's leap sixth month runs from 23 July; the ordinary seventh starts 22 August.
    expect(iso(lunarDay(2036, 7, 1))).toBe('2036-08-22');
  });
});
