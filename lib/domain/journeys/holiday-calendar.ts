// Holidays computed, never listed: each built-in holiday is a rule giving its day in any year
// (a fixed day, a lunar day, a weekday of a month, a day from Easter), and each region has a
// default set. Day numbers are days since 1970-01-01 (calendar-day.ts).
import { dayOf } from './calendar-day';
import { lunarDay } from './lunar';
import type { HolidayKey } from './holiday-keys';

export const REGIONS = ['CN', 'TW', 'HK', 'SG', 'MY', 'ID', 'TH', 'VN', 'PH', 'JP', 'KR', 'US', 'UK', 'DE', 'FR', 'BR', 'other'] as const;
export type Region = (typeof REGIONS)[number];

export { HOLIDAY_KEYS, type HolidayKey } from './holiday-keys';

/** Holidays whose day depends on the region: they carry one. */
export const REGIONAL_KEYS: readonly HolidayKey[] = ['mothersDay', 'nationalDay'];

/** The day of the week (0 = Sunday) of a day number. 1970-01-01 was a Thursday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** The `n`th (1-based; -1 = last) `wd` of a month. */
function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n > 0) {
    const first = dayOf(year, month, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayOf(year, month + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Easter Sunday (Gregorian), the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}

/**
 * Mother's Day by region. Most keep the American second Sunday of May; the exceptions are the
 * UK's Mothering Sunday (three weeks before Easter), France's last Sunday of May (first of June
 * when that is Whit Sunday), Thailand (12 August), Indonesia (22 December), Korea's Parents' Day (8 May).
 */
function mothersDay(year: number, region: Region): number {
  switch (region) {
    case 'UK':
      return easter(year) - 21;
    case 'FR': {
      const last = nthWeekday(year, 5, 0, -1);
      return last === easter(year) + 49 ? last + 7 : last;
    }
    case 'TH':
      return dayOf(year, 8, 12);
    case 'ID':
      return dayOf(year, 12, 22);
    case 'KR':
      return dayOf(year, 5, 8);
    default:
      return nthWeekday(year, 5, 0, 2);
  }
}

/** National days as the region keeps them (MM-DD); the UK has none. */
const NATIONAL_DAYS: Partial<Record<Region, [number, number]>> = {
  CN: [10, 1],
  TW: [10, 10],
  HK: [7, 1],
  SG: [8, 9],
  MY: [8, 31],
  ID: [8, 17],
  TH: [12, 5],
  VN: [9, 2],
  PH: [6, 12],
  JP: [2, 11],
  KR: [10, 3],
  US: [7, 4],
  DE: [10, 3],
  FR: [7, 14],
  BR: [9, 7],
};

const fixed = (month: number, day: number) => (year: number) => dayOf(year, month, day);
const lunar = (month: number, day: number) => (year: number) => lunarDay(year, month, day);

const RULES: Record<HolidayKey, (year: number, region: Region) => number | undefined> = {
  newYear: fixed(1, 1),
  lunarNewYear: lunar(1, 1),
  lantern: lunar(1, 15),
  valentine: fixed(2, 14),
  mothersDay,
  shopping618: fixed(6, 18),
  dragonBoat: lunar(5, 5),
  qixi: lunar(7, 7),
  midAutumn: lunar(8, 15),
  doubleNinth: lunar(9, 9),
  nationalDay: (year, region) => {
    const md = NATIONAL_DAYS[region];
    return md ? dayOf(year, md[0], md[1]) : undefined;
  },
  singlesDay: fixed(11, 11),
  // The day after the fourth Thursday of November (US Thanksgiving).
  blackFriday: (year) => nthWeekday(year, 11, 4, 4) + 1,
  doubleTwelve: fixed(12, 12),
  christmas: fixed(12, 25),
};

/** The day number of a built-in holiday in `year`, or undefined when the region has no such day. */
export function holidayDay(key: HolidayKey, year: number, region: Region = 'other'): number | undefined {
  return RULES[key](year, region);
}

export const hasNationalDay = (region: Region) => NATIONAL_DAYS[region] !== undefined;

const CHINESE_WORLD: HolidayKey[] = ['newYear', 'lunarNewYear', 'mothersDay', 'midAutumn', 'nationalDay', 'singlesDay', 'doubleTwelve'];
const WEST: HolidayKey[] = ['newYear', 'valentine', 'mothersDay', 'nationalDay', 'blackFriday', 'christmas'];

/**
 * What a shop in each region greets by default: its own festivals, the shopping days its
 * marketplaces run (618, 11.11, 12.12 across Asia; Black Friday in the West), Mother's Day and
 * the national day. Lunar New Year wherever Chinese communities keep it (a Singapore shop gets it).
 */
export const REGION_HOLIDAYS: Record<Region, HolidayKey[]> = {
  CN: ['newYear', 'lunarNewYear', 'lantern', 'valentine', 'mothersDay', 'shopping618', 'dragonBoat', 'qixi', 'midAutumn', 'nationalDay', 'doubleNinth', 'singlesDay', 'doubleTwelve'],
  TW: ['newYear', 'lunarNewYear', 'lantern', 'mothersDay', 'dragonBoat', 'qixi', 'midAutumn', 'nationalDay', 'singlesDay', 'doubleTwelve', 'christmas'],
  HK: ['newYear', 'lunarNewYear', 'mothersDay', 'dragonBoat', 'midAutumn', 'nationalDay', 'singlesDay', 'christmas'],
  SG: [...CHINESE_WORLD, 'christmas'],
  MY: [...CHINESE_WORLD, 'christmas'],
  ID: ['newYear', 'lunarNewYear', 'nationalDay', 'singlesDay', 'doubleTwelve', 'mothersDay', 'christmas'],
  TH: ['newYear', 'lunarNewYear', 'mothersDay', 'singlesDay', 'nationalDay', 'doubleTwelve', 'christmas'],
  VN: ['newYear', 'lunarNewYear', 'midAutumn', 'nationalDay', 'singlesDay', 'doubleTwelve'],
  PH: ['newYear', 'lunarNewYear', 'valentine', 'mothersDay', 'nationalDay', 'singlesDay', 'doubleTwelve', 'christmas'],
  JP: ['newYear', 'valentine', 'mothersDay', 'nationalDay', 'christmas'],
  KR: ['newYear', 'lunarNewYear', 'valentine', 'mothersDay', 'midAutumn', 'nationalDay', 'christmas'],
  US: WEST,
  UK: WEST.filter((k) => k !== 'nationalDay'),
  DE: WEST,
  FR: WEST,
  BR: WEST.filter((k) => k !== 'valentine'),
  other: ['newYear', 'valentine', 'blackFriday', 'christmas'],
};

const ZONE_REGIONS: [RegExp, Region][] = [
  [/^(Asia\/(Shanghai|Chongqing|Chungking|Harbin|Urumqi|Kashgar)|PRC)$/, 'CN'],
  [/^(Asia\/Taipei|ROC)$/, 'TW'],
  [/^Asia\/(Hong_Kong|Macau|Macao)$|^Hongkong$/, 'HK'],
  [/^(Asia\/Singapore|Singapore)$/, 'SG'],
  [/^Asia\/(Kuala_Lumpur|Kuching)$/, 'MY'],
  [/^Asia\/(Jakarta|Makassar|Jayapura|Pontianak)$/, 'ID'],
  [/^Asia\/Bangkok$/, 'TH'],
  [/^Asia\/(Ho_Chi_Minh|Saigon)$/, 'VN'],
  [/^Asia\/Manila$/, 'PH'],
  [/^(Asia\/Tokyo|Japan)$/, 'JP'],
  [/^(Asia\/Seoul|ROK)$/, 'KR'],
  [/^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Indiana\/.+|Kentucky\/.+)|Pacific\/Honolulu|US\/.+)$/, 'US'],
  [/^(Europe\/(London|Belfast)|GB)$/, 'UK'],
  [/^Europe\/Berlin$/, 'DE'],
  [/^Europe\/Paris$/, 'FR'],
  [/^(America\/(Sao_Paulo|Fortaleza|Recife|Bahia|Belem|Manaus|Cuiaba|Campo_Grande|Porto_Velho|Boa_Vista|Rio_Branco|Maceio|Araguaina|Santarem|Noronha)|Brazil\/.+)$/, 'BR'],
];

/** The shop's region guessed from its time zone; the owner can pick another in Settings. */
export function regionOfTimeZone(timeZone: string): Region {
  return ZONE_REGIONS.find(([re]) => re.test(timeZone))?.[1] ?? 'other';
}
