// What a reminder is about, in words: "Follow-up due: delivered 15 days ago", or the manual reason.
import type { MessageKey, Translate } from '../i18n';

const DAY_MS = 86_400_000;

export function reminderLabel(t: Translate, r: { kind?: string | undefined; reason: string; detail?: string | undefined; refAt?: number | undefined }, now: number): string {
  if (!r.kind) return r.reason;
  const days = r.refAt === undefined ? 0 : Math.max(0, Math.round((now - r.refAt) / DAY_MS));
  const inDays = r.refAt === undefined ? 0 : Math.max(0, Math.round((r.refAt - now) / DAY_MS));
  return t(`journey.banner.${r.kind}` as MessageKey, { days, inDays, detail: r.detail ?? '' });
}
