// Keeps Today's first screen in session storage for a popup that opens while this worker sleeps
// (messaging/today-kept.ts): written when the popup's first request is answered, removed as soon as
// a write to anything Today shows commits, here or in another context of the extension.
import { startOfLocalDay } from '../../domain/time';
import { KEPT_TODAY_KEY, type KeptArea, type KeptToday } from '../../messaging/today-kept';
import type { RequestOf, ResponseOf } from '../../messaging/protocol';
import { onCommitted } from '../../store/changes';
import { changesToday } from './today';

export type TodayKeeper = ReturnType<typeof todayKeeper>;

export function todayKeeper(area: KeptArea | undefined, dbName: string) {
  /** Counts the writes seen: an answer read across one is not kept (it may show the list before it). */
  let writes = 0;
  const forget = () => {
    writes++;
    void area?.remove(KEPT_TODAY_KEY).catch((e: unknown) => console.warn('Regulars: the kept Today could not be removed', e));
  };
  onCommitted((change) => {
    if (change.db === dbName && changesToday(change)) forget();
  });
  return {
    /** Taken before the list is read; `keep` keeps the answer only if no write came since. */
    mark: () => writes,
    keep(mark: number, request: RequestOf<'reminders.today'>, answer: ResponseOf<'reminders.today'>, wallNow = Date.now()): void {
      if (!area || mark !== writes || answer.updating || request.memberId || request.mine || request.firstRows === undefined) return;
      const dayEndsAt = startOfLocalDay(startOfLocalDay(answer.now, answer.timeZone) + 36 * 3_600_000, answer.timeZone);
      const kept: KeptToday = { request, answer, wallAt: wallNow, dayEndsAt };
      void area.set({ [KEPT_TODAY_KEY]: kept }).catch((e: unknown) => console.warn('Regulars: Today could not be kept', e));
    },
    /** The store was replaced, or the clock moved (demo build): what is kept may no longer be the list. */
    forget,
  };
}
