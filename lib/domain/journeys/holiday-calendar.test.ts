import { describe, expect, it } from 'vitest';
import { easter, holidayDay, REGION_HOLIDAYS, regionOfTimeZone, type HolidayKey, type Region } from './holiday-calendar';

const iso = (day: number | undefined) => (day === undefined ? undefined : new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('holidays computed for any year', () => {
  it.each([
    // [case, key, region, year, expected]
    ["Mother's Day in the US: second Sunday of May", 'mothersDay', 'US', 2026, '2026-05-10'],
    ["Mother's Day in Taiwan, Singapore and China too", 'mothersDay', 'TW', 2027, '2027-05-09'],
    ["Mother's Day in China in 2033, when May begins on a Sunday", 'mothersDay', 'CN', 2033, '2033-05-08'],
    ['Mothering Sunday in the UK: three weeks before Easter (Easter 5 April 2026)', 'mothersDay', 'UK', 2026, '2026-03-15'],
    ['Mothering Sunday in the UK 2027 (Easter 28 March)', 'mothersDay', 'UK', 2027, '2027-03-07'],
    ['Fête des mères: last Sunday of May', 'mothersDay', 'FR', 2026, '2026-05-31'],
    ['Fête des mères moves to June when Whit Sunday takes the last Sunday of May (2039: Easter 10 April)', 'mothersDay', 'FR', 2039, '2039-06-05'],
    ["Thailand's Mother's Day is 12 August", 'mothersDay', 'TH', 2026, '2026-08-12'],
    ["Korea's Parents' Day is 8 May", 'mothersDay', 'KR', 2026, '2026-05-08'],
    ['Black Friday 2026: the day after the fourth Thursday of November', 'blackFriday', 'US', 2026, '2026-11-27'],
    ['Black Friday 2030 (November begins on a Friday)', 'blackFriday', 'US', 2030, '2030-11-29'],
    ['Singapore National Day', 'nationalDay', 'SG', 2026, '2026-08-09'],
    ['Taiwan National Day (Double Tenth)', 'nationalDay', 'TW', 2026, '2026-10-10'],
    ['the UK keeps no national day', 'nationalDay', 'UK', 2026, undefined],
    ['618', 'shopping618', 'CN', 2028, '2028-06-18'],
    ['Lunar New Year 2027 (HKO: 6 February, ICU alone says the 7th)', 'lunarNewYear', 'SG', 2027, '2027-02-06'],
  ] as [string, HolidayKey, Region, number, string | undefined][])('%s', (_name, key, region, year, expected) => {
    expect(iso(holidayDay(key, year, region))).toBe(expected);
  });

  it.each([
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, expected) => {
    expect(iso(easter(year))).toBe(expected);
  });

  it('every holiday of every region has a day in every year 2026-2040', () => {
    for (const [region, keys] of Object.entries(REGION_HOLIDAYS) as [Region, HolidayKey[]][])
      for (const key of keys) for (let y = 2026; y <= 2040; y++) expect(holidayDay(key, y, region), `${key} ${region} ${y}`).toBeTypeOf('number');
  });
});

describe('the shop region from its time zone', () => {
  it.each([
    ['Asia/Singapore', 'SG'],
    ['Asia/Shanghai', 'CN'],
    ['Asia/Taipei', 'TW'],
    ['Asia/Kuala_Lumpur', 'MY'],
    ['Asia/Jakarta', 'ID'],
    ['Asia/Ho_Chi_Minh', 'VN'],
    ['America/Los_Angeles', 'US'],
    ['Europe/London', 'UK'],
    ['America/Sao_Paulo', 'BR'],
    ['Africa/Nairobi', 'other'],
  ])('%s is %s', (zone, region) => {
    expect(regionOfTimeZone(zone)).toBe(region);
  });

  it('a Singapore shop gets Lunar New Year and Mid-Autumn; a US shop Black Friday', () => {
    expect(REGION_HOLIDAYS.SG).toEqual(expect.arrayContaining(['lunarNewYear', 'midAutumn']));
    expect(REGION_HOLIDAYS.US).toContain('blackFriday');
  });
});
