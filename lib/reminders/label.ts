// What a reminder is about, in words ("Follow-up: delivered 15 days ago", or the manual reason),
// and when it is due ("due in 3 days", "due today", "overdue since 1 Dec").
import { HOLIDAY_KEYS, type HolidayKey } from '../domain/journeys/holiday-keys';
import { cached } from '../domain/cached';
import { localDayNumber } from '../domain/time';
import type { MessageKey } from '../i18n/en';
import type { Translate, UiLocale } from '../i18n/locales';
import { tierName } from '../i18n/tier-name';

const DAY_MS = 86_400_000;

/** A holiday reminder's detail: a built-in holiday's key is named in the reader's language, the shop's own name kept as is. */
export function holidayName(t: Translate, detail: string | undefined): string {
  return detail && (HOLIDAY_KEYS as readonly string[]).includes(detail) ? t(`holiday.${detail as HolidayKey}`) : (detail ?? '');
}

export function reminderLabel(
  t: Translate,
  r: {
    kind?: string | undefined;
    reason: string;
    detail?: string | undefined;
    refAt?: number | undefined;
    gift?: string | undefined;
    tier?: { id: string; name: string } | undefined;
  },
  now: number,
): string {
  if (!r.kind) return r.reason;
  const days = r.refAt === undefined ? 0 : Math.max(0, Math.round((now - r.refAt) / DAY_MS));
  const inDays = r.refAt === undefined ? 0 : Math.max(0, Math.round((r.refAt - now) / DAY_MS));
  // A later win-back touch names its step (detail "2/3"); the first reads as before.
  if (r.kind === 'winBack' && r.detail) return t('journey.banner.winBackStep', { days, detail: r.detail });
  // A follow-up counted from an estimated delivery says so; one made before the parcel arrived says when it should.
  if (r.kind === 'followUp' && r.refAt !== undefined && r.refAt > now) return t('journey.banner.followUp.expected', { inDays });
  if (r.kind === 'followUp' && (r.detail === 'shipped' || r.detail === 'paid')) return t(`journey.banner.followUp.${r.detail}`, { days });
  // The member's tier in the reader's language (a tier-up names the tier moved to, the member's own).
  if (r.kind === 'parcelGift') return t('journey.banner.parcelGift', { detail: r.tier ? tierName(r.tier, t) : (r.detail ?? ''), gift: r.gift ?? t('gift.none') });
  if (r.kind === 'tierUp' && r.tier && r.tier.id === r.detail) return t('journey.banner.tierUp', { detail: tierName(r.tier, t) });
  return t(`journey.banner.${r.kind}` as MessageKey, { days, inDays, detail: r.kind === 'holiday' ? holidayName(t, r.detail) : (r.detail ?? '') });
}

/** " with J&T Express, tracking number 123" in the buyer's language: what the order says of its parcel, or nothing. */
export function shipmentText(t: Translate, order: { carrier?: string | undefined; trackingNo?: string | undefined } | undefined): string {
  const carrier = order?.carrier?.trim();
  const trackingNo = order?.trackingNo?.trim();
  if (carrier && trackingNo) return t('journey.shipment', { carrier, trackingNo });
  if (carrier) return t('journey.shipment.carrier', { carrier });
  if (trackingNo) return t('journey.shipment.tracking', { trackingNo });
  return '';
}

// One formatter per locale and zone (cached): the popup's first frame made one per overdue row.
const overdueDates = new Map<string, Intl.DateTimeFormat>();
const overdueDate = (locale: UiLocale, timeZone: string | undefined) =>
  cached(overdueDates, `${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }));

/**
 * When a reminder is due, as a person says it: "due in 3 days" by calendar days in the shop's zone,
 * "due today", or "overdue since Dec 1" once its moment has passed.
 */
export function dueWhen(t: Translate, dueAt: number, now: number, locale: UiLocale, timeZone?: string): string {
  if (dueAt <= now) return t('reminder.overdue', { date: overdueDate(locale, timeZone).format(dueAt) });
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const days = localDayNumber(dueAt, zone) - localDayNumber(now, zone);
  return days <= 0 ? t('reminder.dueToday') : t('reminder.dueIn', { days });
}
