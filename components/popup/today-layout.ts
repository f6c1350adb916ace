// What the Today list shows, apart from how it is drawn: its sections and groups, each group's
// total, the rows of the first frame, and a row's words. The React view (today.tsx) and the
// popup's first frame drawn before React has loaded (first-frame.ts) both draw from here, so the
// two give the same rows in the same words.
import { cached } from '@/lib/domain/cached';
// Straight from time.ts: the domain index brings zod and every schema into the popup's first load.
import { DAY_MS, localDayNumber } from '@/lib/domain/time';
import { mostPressingFirst } from '@/lib/domain/today';
import type { Translate, UiLocale } from '@/lib/i18n/locales';
import { dueWhen, reminderLabel } from '@/lib/reminders/label';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { TodayRowMessage } from '@/lib/messaging/protocol-reminders';

export type TodayData = ResponseOf<'reminders.today'>;

export const SECTIONS = ['overdue', 'today', 'upcoming'] as const;
/**
 * Rows drawn in the popup's first frame with the list: more than its window shows (a browser popup
 * is at most 600 px tall and a row at least some 70 px: six rows and part of a seventh are seen).
 * The rest (5,000 open reminders make some 240 rows, 20 ms of React work) follow in the next frame.
 */
export const FIRST_ROWS = 9;

/**
 * The rows by section, then by kind (manual reminders under 'manual'), most pressing first; the groups
 * in the order the answer lists them, each group there even with none of its rows sent (the first
 * screen's answer holds only the first rows: the groups below wait for theirs, under their totals).
 */
export function groupedRows(data: TodayData | undefined): Map<string, Map<string, TodayRowMessage[]>> {
  const out = new Map<string, Map<string, TodayRowMessage[]>>();
  const groupOf = (sectionId: string, kind: string) => {
    let section = out.get(sectionId);
    if (!section) out.set(sectionId, (section = new Map()));
    let group = section.get(kind);
    if (!group) section.set(kind, (group = []));
    return group;
  };
  for (const g of data?.groups ?? []) if (g.total > 0) groupOf(g.section, g.kind);
  for (const row of data?.rows ?? []) groupOf(row.section, row.kind ?? 'manual').push(row);
  for (const section of out.values()) for (const group of section.values()) group.sort(mostPressingFirst);
  return out;
}

/**
 * A group's "N more": its total less the rows it shows once every row it was sent is drawn (`shown`
 * at most, of `sent`). The first screen's answer (`partial`) sends a group few rows or none: the
 * count is the whole answer's, the rows shown being then as many as the total and `shown` allow.
 */
export const hiddenCount = (data: TodayData, total: number, shown: number, sent: number) => total - Math.min(shown, data.partial ? total : sent);

/** How many reminders a section holds, or one kind in it (the list sends only the first few rows of each). */
export function totalsOf(data: TodayData | undefined): (section: string, kind?: string) => number {
  const totals = new Map((data?.groups ?? []).map((g) => [`${g.section}|${g.kind}`, g.total]));
  return (section, kind) => (kind ? (totals.get(`${section}|${kind}`) ?? 0) : (data?.groups ?? []).filter((g) => g.section === section).reduce((n, g) => n + g.total, 0));
}

/** Reminders not held back (do-not-contact): zero says "nothing due". */
export const activeCount = (data: TodayData | undefined) => (data?.groups ?? []).filter((g) => g.section !== 'suppressed').reduce((n, g) => n + g.total, 0);

/** Reminders overdue or due today: the Today tab's badge. */
export const dueCount = (data: TodayData | undefined) =>
  data?.groups.filter((g) => g.section === 'overdue' || g.section === 'today').reduce((n, g) => n + g.total, 0);

// Making an Intl.DateTimeFormat costs far more than using one: one per kind, locale and zone.
const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as a time today, or as a date and time another day, in the shop's zone. */
export function when(ts: number, now: number, locale: UiLocale, timeZone: string): string {
  // Two days apart or more is never one local day (offsets change by hours): no offset to look up.
  const sameDay = Math.abs(ts - now) < 2 * DAY_MS && localDayNumber(ts, timeZone) === localDayNumber(now, timeZone);
  const make = () => new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short', timeZone } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
  return cached(whenFormats, `${sameDay}|${locale}|${timeZone}`, make).format(ts);
}

/** A row's words: what it is about, when it is due (and the exact moment, for its title). */
export function rowWords(row: TodayRowMessage, data: TodayData, t: Translate, locale: UiLocale) {
  const at = when(row.dueAt, data.now, locale, data.timeZone);
  const reason = reminderLabel(t, row, data.now);
  return { reason, at, due: row.section === 'today' ? at : dueWhen(t, row.dueAt, data.now, locale, data.timeZone), label: `${row.memberName}: ${reason}` };
}
