import { describe, expect, it } from 'vitest';
import { readPageDate, type DateStyle } from './page-date';

const utc = Date.UTC;
const KL = 'Asia/Kuala_Lumpur';
const dmy: DateStyle = { order: 'dmy' };
const mdy: DateStyle = { order: 'mdy' };
const ymd: DateStyle = { order: 'ymd' };

describe('a date as an order page prints it is the instant it means', () => {
  it.each<[string, DateStyle, number]>([
    ['2026年11月21日 09:14', ymd, utc(2026, 10, 21, 1, 14)],
    ['2026年11月21日 下午2:05', ymd, utc(2026, 10, 21, 6, 5)],
    ['2026年11月21日(土) 9:14 JST', ymd, utc(2026, 10, 21, 0, 14)],
    ['21/11/2026', dmy, utc(2026, 10, 20, 16, 0)],
    ['20/11/2026 14:05', dmy, utc(2026, 10, 20, 6, 5)],
    ['11/20/2026 08:15:42 PM', mdy, utc(2026, 10, 20, 12, 15, 42)],
    ['21 Nov 2026 09:14', dmy, utc(2026, 10, 21, 1, 14)],
    ['21 Nov 2026 09:14', mdy, utc(2026, 10, 21, 1, 14)],
    ['2 Des 2026 18:30', dmy, utc(2026, 11, 2, 10, 30)],
    ['21 de nov. de 2026 09:14', dmy, utc(2026, 10, 21, 1, 14)],
    ['Fri, Nov 20, 2026, 9:41 AM PST', mdy, utc(2026, 10, 20, 17, 41)],
    ['Tue, Apr 27, 2021, 11:45 AM PDT', mdy, utc(2021, 3, 27, 18, 45)],
    ['2:02am, Fri, Nov 20, 2026', mdy, utc(2026, 10, 19, 18, 2)],
    ['Nov 19, 2026', mdy, utc(2026, 10, 18, 16, 0)],
    ['November 20, 2026 at 8:15 pm', mdy, utc(2026, 10, 20, 12, 15)],
    ['21.11.2026, 09:14 CET', dmy, utc(2026, 10, 21, 8, 14)],
    ['21/11/2026 09:14 GMT+8', dmy, utc(2026, 10, 21, 1, 14)],
    ['21/11/2026 09:14 SGT', dmy, utc(2026, 10, 21, 1, 14)],
    ['2026-11-18 16:13:16', ymd, utc(2026, 10, 18, 8, 13, 16)],
    ['2026/11/21 09:14 EST', ymd, utc(2026, 10, 21, 14, 14)],
    ['2026-11-21T09:14:00+07:00', dmy, utc(2026, 10, 21, 2, 14)],
    ['２０２６年１１月２１日　０９：１４', ymd, utc(2026, 10, 21, 1, 14)],
  ])('"%s" (%o)', (text, style, instant) => {
    expect(readPageDate(text, style, KL)).toBe(instant);
  });

  it('reads an all-number date day first or month first as the site declares', () => {
    expect(readPageDate('03/04/2026', dmy, 'UTC')).toBe(utc(2026, 3, 3));
    expect(readPageDate('03/04/2026', mdy, 'UTC')).toBe(utc(2026, 2, 4));
  });

  it("reads a wall time in the site's zone before the shop's", () => {
    expect(readPageDate('21/11/2026 09:14', { order: 'dmy', timeZone: 'Asia/Jakarta' }, KL)).toBe(utc(2026, 10, 21, 2, 14));
  });

  it('reads CST as China time only where the site says so', () => {
    expect(readPageDate('2026-11-21 09:14 CST', { order: 'ymd', zones: { CST: 480 } }, 'UTC')).toBe(utc(2026, 10, 21, 1, 14));
    expect(readPageDate('2026-11-21 09:14 CST', ymd, 'UTC')).toBe(utc(2026, 10, 21, 9, 14));
  });

  it.each([
    ['', dmy],
    ['Processing', dmy],
    ['31/04/2026', dmy],
    ['21/11/2026', ymd],
    ['13/13/2026', mdy],
    ['21 Foo 2026 09:14', dmy],
    ['21/11/2026 25:14', dmy],
    ['13:05 PM 21/11/2026', dmy],
    ['Nov 2026', mdy],
  ])('"%s" is no date: nothing is guessed', (text, style) => {
    expect(readPageDate(text, style, KL)).toBeUndefined();
  });
});
