// A time of day as the reader's locale writes it: English 2:30 PM, Chinese 14:30 (the 24-hour
// clock Chinese shop staff use). The browser's own time input follows the browser's language,
// not the one chosen in Regulars, so a Chinese screen in an English browser showed "02:30 PM".
import type { UiLocale } from '@/lib/i18n';

/** "14:30" (HH:MM) in the locale's form. */
export function formatLocalTime(hhmm: string, locale: UiLocale): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: locale === 'en' ? 'h12' : 'h23', timeZone: 'UTC' });
  return format.format(Date.UTC(2026, 0, 1, h, m));
}

const MORNING = /^(am|a\.m\.|上午|凌晨|早上)$/i;
const AFTERNOON = /^(pm|p\.m\.|下午|晚上|中午)$/i;

/** What a person typed ("2:30 pm", "14:30", "下午2:30", "1430", full-width digits) as HH:MM, or undefined. */
export function parseLocalTime(text: string): string | undefined {
  const plain = text.trim().replace(/[０-９：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, ' ');
  const m = /^(上午|下午|中午|晚上|凌晨|早上)? ?(\d{1,2})(?:[:.]?(\d{2}))? ?(am|pm|a\.m\.|p\.m\.)?$/i.exec(plain);
  if (!m) return undefined;
  const half = m[1] ?? m[4];
  let hour = Number(m[2]);
  const minute = Number(m[3] ?? 0);
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    if (MORNING.test(half)) hour %= 12;
    else if (AFTERNOON.test(half)) hour = (hour % 12) + 12;
  } else if (hour > 23) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** HH:MM moved by `by` minutes, round the clock. */
export function stepTime(hhmm: string, by: number): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const minutes = (((h * 60 + m + by) % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
