// What the popup asks the background for Today. Apart from today.tsx so the popup's first, small
// script can ask before React and the catalogues have loaded.
import type { UiLocale } from '@/lib/i18n/locale';
import type { RequestOf } from '@/lib/messaging/protocol';

/** Rows shown of each group at first, and asked of the background: the popup opens on them. */
export const PAGE = 10;

export type TodayRequest = RequestOf<'reminders.today'>;

/** Always built here, so two requests for the same list compare equal as JSON. */
export function todayRequest(locale: UiLocale, mine: boolean, memberId: string | undefined, perGroup = PAGE): TodayRequest {
  return { locale, mine, memberId, perGroup };
}

/** A promise whose outcome can also be read synchronously once it has settled. */
export interface Settled<T> {
  readonly promise: Promise<T>;
  value?: T;
  failed?: boolean;
}

export function settled<T>(promise: Promise<T>): Settled<T> {
  const out: Settled<T> = { promise };
  promise.then(
    (value) => (out.value = value),
    () => (out.failed = true),
  );
  return out;
}
