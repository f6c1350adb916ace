// Display helpers shared by panel, popup and options: everything through Intl in the user's locale.
import { formatMoney } from '@/lib/domain/money';
import { cached } from '@/lib/domain/cached';
import type { Translate, UiLocale } from '@/lib/i18n';

export const money = (minor: number, currency: string, locale: UiLocale) => formatMoney(minor, currency, locale);

const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function shortDate(ts: number | undefined, locale: UiLocale, timeZone?: string): string {
  if (ts === undefined) return '—';
  return cached(dateFormats, `${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone })).format(ts);
}

export function dateTime(ts: number, locale: UiLocale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ts);
}

export function daysAgo(ts: number | undefined, now: number, t: Translate): string {
  if (ts === undefined) return '';
  const days = Math.floor((now - ts) / 86_400_000);
  return days <= 0 ? t('time.today') : t('time.daysAgo', { days });
}

/** "2 hours ago", "5 minutes ago", "3 days ago" in the reader's language (Intl). */
export function timeAgo(ts: number, now: number, locale: UiLocale): string {
  const minutes = Math.max(0, Math.round((now - ts) / 60_000));
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes < 1) return rtf.format(0, 'second');
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  if (minutes < 48 * 60) return rtf.format(-Math.round(minutes / 60), 'hour');
  return rtf.format(-Math.round(minutes / 1440), 'day');
}

/** Default ladder names are translated; a shop's own names are shown as the shop wrote them. */
export { tierName } from '@/lib/i18n/tier-name';

export function fileSize(bytes: number, locale: UiLocale): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes / (mb ? 1_000_000 : 1_000));
}

/** A product category as shown: the shop's own name, or "Uncategorised" for orders without one. */
export function categoryName(category: string, t: Translate): string {
  return category === '' ? t('category.uncategorised') : category;
}
