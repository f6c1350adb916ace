// The Chinese lunisolar calendar, from Intl (the 'chinese' calendar of ICU) for any year, corrected
// where ICU's astronomy puts a new moon on the other side of midnight (Beijing time) than the
// official almanacs. Dates are day numbers: days since 1970-01-01, as in birthday.ts.

const DAY_MS = 86_400_000;

/**
 * Lunar months whose first day ICU gets wrong, by the Gregorian year and lunar month they start in:
 * the first day according to the Hong Kong Observatory's Gregorian-Lunar Calendar Conversion Table
 * (hko.gov.hk/en/gts/time/conversion.htm, same as the Purple Mountain Observatory's almanac). Found
 * by comparing every month from 2000 to 2100 with the ICU of Node 20 (ICU 78): these are all the
 * differences there are. Kept in force whatever Intl says, so a newer ICU that fixed them changes nothing.
 */
const MONTH_START_FIXES: Readonly<Record<string, string>> = {
  '2012-7': '2012-08-17',
  '2018-10': '2018-11-08',
  '2027-1': '2027-02-06',
  '2030-1': '2030-02-03',
  '2057-9': '2057-09-28',
  '2070-2': '2070-03-12',
};

let format: Intl.DateTimeFormat | undefined;
const formatter = () => (format ??= new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' }));

/** The first days of the (non-leap) lunar months that start in a Gregorian year: month → day number. */
const startsByYear = new Map<number, Map<number, number>>();

function monthStarts(year: number): Map<number, number> {
  const cached = startsByYear.get(year);
  if (cached) return cached;
  const starts = new Map<number, number>();
  const first = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  const last = Math.floor(Date.UTC(year, 11, 31) / DAY_MS);
  // A lunar month has 29 or 30 days: once a first day is found, the next can only be 29 days on.
  for (let day = first; day <= last;) {
    let month = '';
    let dom = 0;
    for (const part of formatter().formatToParts(day * DAY_MS + DAY_MS / 2)) {
      if (part.type === 'month') month = part.value;
      else if (part.type === 'day') dom = Number(part.value);
    }
    if (dom === 1) {
      // Leap months read '11bis' (ICU) and share their number with the month before: festivals fall in the ordinary one.
      if (/^\d+$/.test(month)) starts.set(Number(month), day);
      day += 29;
    } else day += dom >= 29 ? 1 : 29 - dom;
  }
  for (const [key, date] of Object.entries(MONTH_START_FIXES)) {
    const [y, m] = key.split('-').map(Number) as [number, number];
    if (y === year) starts.set(m, Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS));
  }
  startsByYear.set(year, starts);
  return starts;
}

/**
 * The day number of lunar `month`/`day` in Gregorian `year` (months 1-9: their first day always
 * falls in the same Gregorian year as the Spring Festival that opens them). Undefined for a month
 * that does not start within the year, or when Intl has no Chinese calendar.
 */
export function lunarDay(year: number, month: number, day: number): number | undefined {
  try {
    const start = monthStarts(year).get(month);
    return start === undefined ? undefined : start + day - 1;
  } catch {
    return undefined;
  }
}
