// What the popup asks the background for Today: apart from the list's React code, because the popup
// sends this request first thing, before React has loaded (entrypoints/popup/early.ts).
import type { UiLocale } from '@/lib/i18n/locales';
import type { RequestOf } from '@/lib/messaging/protocol';

/** Rows shown of each group at first, and asked of the background: the popup opens on them. */
export const PAGE = 10;

export type TodayRequest = RequestOf<'reminders.today'>;

/** Always built here, so two requests for the same list compare equal as JSON. */
export function todayRequest(locale: UiLocale, mine: boolean, memberId: string | undefined, perGroup = PAGE): TodayRequest {
  return { locale, mine, memberId, perGroup };
}
