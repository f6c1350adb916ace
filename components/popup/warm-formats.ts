// The Intl formatters Today's first frame uses, made while the background's answer is on its way
// (entrypoints/popup/early.ts): made once the answer is in, they held the first frame back. Each is
// cached where the frame takes it from (today-layout.ts, reminders/label.ts, i18n/message-format.ts,
// domain/time.ts), for the popup's language and the shop's time zone it showed last time.
import { DAY_MS } from '@/lib/domain/time';
import type { Translate, UiLocale } from '@/lib/i18n/locales';
import { formatMessage } from '@/lib/i18n/message-format';
import { dueWhen } from '@/lib/reminders/label';
import { when } from './today-layout';

/** Where the popup keeps the shop's time zone of its last answer (the answer says for sure). */
export const ZONE_KEY = 'regulars.popupZone';

const keyOnly = ((key: string) => key) as Translate;

/** Makes the formatters of `locale` and `timeZone` (default: the one the popup showed last time). */
export function warmFormats(locale: UiLocale, timeZone = localStorage.getItem(ZONE_KEY) ?? undefined, now = Date.now()): void {
  if (!timeZone) return;
  try {
    // A time today, a date and time another day.
    when(now, now, locale, timeZone);
    when(now - 3 * DAY_MS, now, locale, timeZone);
    // "Overdue since Dec 1", and the plural rules and number format of "in 3 days".
    dueWhen(keyOnly, now - DAY_MS, now, locale, timeZone);
    formatMessage('{n, plural, other {#}}', locale, { n: 3 });
  } catch {
    // A zone this browser does not know: the first frame makes what it needs, as before.
  }
}
