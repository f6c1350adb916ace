// Calendar dates (YYYY-MM-DD) written and read as the reader's locale writes them, through Intl:
// the order of year, month and day and the separator come from Intl.DateTimeFormat, never a table.
import type { UiLocale } from '@/lib/i18n';

type Part = 'year' | 'month' | 'day';
const numeric = new Map<string, Intl.DateTimeFormat>();
const fmt = (locale: string) => {
  let f = numeric.get(locale);
  if (!f) numeric.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })));
  return f;
};

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** "2026-12-04" as the locale writes it in digits: 12/04/2026 (en), 2026/12/04 (zh-CN, zh-TW). */
export function formatLocalDate(iso: string, locale: UiLocale): string {
  const ts = utc(iso);
  return Number.isNaN(ts) ? iso : fmt(locale).format(ts);
}

/** The order the locale writes year, month and day in. */
export function dateOrder(locale: UiLocale): Part[] {
  return fmt(locale)
    .formatToParts(0)
    .map((p) => p.type)
    .filter((type): type is Part => type === 'year' || type === 'month' || type === 'day');
}

/**
 * What the reader typed, in their locale's order ("12/4/2026", "2026/12/4", "2026年12月4日"), or an
 * ISO date ("2026-12-04", also with a time after it) in any locale; undefined when it is no real date.
 */
export function parseLocalDate(text: string, locale: UiLocale): string | undefined {
  const numbers = text.trim().match(/\d+/g);
  if (!numbers || numbers.length < 3) return undefined;
  const iso = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]|$)/.test(text.trim());
  const order: Part[] = iso || numbers[0]!.length === 4 ? ['year', 'month', 'day'] : dateOrder(locale);
  if (!iso && numbers.length > 3) return undefined;
  const got = Object.fromEntries(order.map((part, i) => [part, Number(numbers[i])])) as Record<Part, number>;
  if (String(got.year).length !== 4 || got.month < 1 || got.month > 12 || got.day < 1) return undefined;
  const d = new Date(Date.UTC(got.year, got.month - 1, got.day));
  if (d.getUTCMonth() !== got.month - 1) return undefined;
  return d.toISOString().slice(0, 10);
}

/** The day a week starts on in the locale: 1 Monday … 7 Sunday (Intl.Locale week info where the browser has it). */
export function firstDayOfWeek(locale: UiLocale): number {
  const l = new Intl.Locale(locale === 'en' ? 'en-US' : locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  return l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay ?? (locale === 'zh-CN' ? 1 : 7);
}

/** Weekday names in calendar order, short ("一", "Mon") and long ("星期一", "Monday"). */
export function weekdayNames(locale: UiLocale): { short: string; long: string }[] {
  const first = firstDayOfWeek(locale) % 7; // 0 = Sunday
  const short = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => Date.UTC(2023, 0, 1 + ((first + i) % 7))).map((ts) => ({ short: short.format(ts), long: long.format(ts) }));
}

/** The weeks of a month ("2026-12") as calendar rows, padded with the days of the months around it. */
export function calendarWeeks(month: string, locale: UiLocale): { iso: string; inMonth: boolean }[][] {
  const start = utc(`${month}-01`);
  const first = firstDayOfWeek(locale) % 7;
  const lead = (new Date(start).getUTCDay() - first + 7) % 7;
  const weeks: { iso: string; inMonth: boolean }[][] = [];
  for (let day = -lead; weeks.length < 6; day += 7) {
    const week = Array.from({ length: 7 }, (_, i) => {
      const iso = new Date(start + (day + i) * 86_400_000).toISOString().slice(0, 10);
      return { iso, inMonth: iso.startsWith(month) };
    });
    if (weeks.length > 0 && !week.some((d) => d.inMonth)) break;
    weeks.push(week);
  }
  return weeks;
}
