// Today's first screen kept in the browser's session storage, so a popup that opens while the
// background's service worker sleeps draws it at once: a woken worker spent over a second starting
// up and reading the list afresh before it could answer. The background writes it when it answers
// the popup's first request, and removes it as soon as a write to anything Today shows commits
// (background/reminders/today-kept.ts): a kept screen is always the list as the store holds it.
import type { RequestOf, ResponseOf } from './protocol';

export const KEPT_TODAY_KEY = 'regulars.todayFirstScreen';

type TodayAnswer = ResponseOf<'reminders.today'>;

export interface KeptToday {
  /** The request it answers (a first screen: `firstRows` set, no member, not "mine"). */
  request: RequestOf<'reminders.today'>;
  answer: TodayAnswer;
  /** The wall-clock time it was kept at (the answer's `now` is the background's clock). */
  wallAt: number;
  /** The shop's day it is the list of ends here (the background's clock): Today changes sections then. */
  dayEndsAt: number;
}

/** The session storage area, where the browser has one (a page or the background; never a content script). */
export interface KeptArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export const keptArea = (): KeptArea | undefined => (browser.storage as { session?: KeptArea } | undefined)?.session;

const sameRequest = (a: RequestOf<'reminders.today'>, b: RequestOf<'reminders.today'>) =>
  a.locale === b.locale && !!a.mine === !!b.mine && a.memberId === b.memberId && a.perGroup === b.perGroup && a.firstRows === b.firstRows;

/** The kept answer to `request` if there is one for the shop's day now, its `now` moved on to this moment; else undefined. */
export async function keptToday(request: RequestOf<'reminders.today'>, area = keptArea(), wallNow = Date.now()): Promise<TodayAnswer | undefined> {
  if (request.memberId || request.mine || request.firstRows === undefined) return undefined;
  return readKeptToday(area)(request, wallNow);
}

/**
 * Starts reading the kept screen at once, before the request is known (the popup's first script asks
 * for it before anything else, and then works out its request); the function returned answers a
 * request from that read as `keptToday` does.
 */
export function readKeptToday(area = keptArea()): (request: RequestOf<'reminders.today'>, wallNow?: number) => Promise<TodayAnswer | undefined> {
  const read = area?.get(KEPT_TODAY_KEY);
  read?.catch(() => undefined);
  return async (request, wallNow = Date.now()) => {
    if (!read || request.memberId || request.mine || request.firstRows === undefined) return undefined;
    const kept = (await read)[KEPT_TODAY_KEY] as KeptToday | undefined;
    if (!kept || !sameRequest(kept.request, request)) return undefined;
    const now = kept.answer.now + Math.max(0, wallNow - kept.wallAt);
    return now < kept.dayEndsAt ? { ...kept.answer, now } : undefined;
  };
}

/** Removes the kept screen: a page about to replace the store (a restore) does, before the background is told. */
export async function forgetKeptToday(area = keptArea()): Promise<void> {
  await area?.remove(KEPT_TODAY_KEY);
}
