// What a reminder is about, in words: "Follow-up due: delivered 15 days ago", or the manual reason.
import type { Templates } from '../db/journey-settings';
import { HOLIDAY_KEYS, type HolidayKey } from '../domain/journeys/holiday-calendar';
import { translator, type MessageKey, type Translate, type UiLocale } from '../i18n';

const DAY_MS = 86_400_000;

/** A holiday reminder's detail: a built-in holiday's key is named in the reader's language, the shop's own name kept as is. */
export function holidayName(t: Translate, detail: string | undefined): string {
  return detail && (HOLIDAY_KEYS as readonly string[]).includes(detail) ? t(`holiday.${detail as HolidayKey}`) : (detail ?? '');
}

export function reminderLabel(t: Translate, r: { kind?: string | undefined; reason: string; detail?: string | undefined; refAt?: number | undefined }, now: number): string {
  if (!r.kind) return r.reason;
  const days = r.refAt === undefined ? 0 : Math.max(0, Math.round((now - r.refAt) / DAY_MS));
  const inDays = r.refAt === undefined ? 0 : Math.max(0, Math.round((r.refAt - now) / DAY_MS));
  // A later win-back touch names its step (detail "2/3"); the first reads as before.
  if (r.kind === 'winBack' && r.detail) return t('journey.banner.winBackStep', { days, detail: r.detail });
  return t(`journey.banner.${r.kind}` as MessageKey, { days, inDays, detail: r.kind === 'holiday' ? holidayName(t, r.detail) : (r.detail ?? '') });
}

/** The shop's own template for a reason in this language, else the default one. */
export function templateFor(kind: string | undefined, locale: UiLocale, templates: Templates): string {
  const key = (kind ?? 'manual') as keyof Templates;
  return templates[key]?.[locale] || translator(locale)(`journey.template.${key}` as MessageKey);
}
