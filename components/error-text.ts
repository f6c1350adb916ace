// An error shown to the user in their language: a refusal's reason code (what to change: a field,
// the team server's answer) or else the protocol's error code picks the sentence; the English
// detail stays in the console, so no protocol message in English reaches a Chinese screen.
import type { MessageKey } from '@/lib/i18n/en';
import type { Translate } from '@/lib/i18n/locales';
import { ERROR_CODES, ProtocolFailure } from '@/lib/messaging/errors';
import { BackgroundGone } from '@/lib/messaging/worker-post';
import type { Reason } from '@/lib/domain/reason';

/**
 * A field path as a schema gives it ('tiers.2.spendMinor', 'tag') by its label in the user's
 * language: the innermost key that has one (lib/i18n/fields.ts), never the internal name.
 */
export function fieldLabel(t: Translate, path: string): string {
  const named = path.split('.').filter((part) => part && !/^\d+$/.test(part)).reverse().find((part) => t.has?.(`field.${part}`));
  return t(named ? (`field.${named}` as MessageKey) : 'field.unnamed');
}

/** A reason's sentence, or undefined when this version has no words for its code. */
export function reasonText(t: Translate, reason: Reason | undefined): string | undefined {
  const key = `reason.${reason?.code}`;
  if (!reason || !t.has?.(key)) return undefined;
  // A key this version does not know has no label: it is named as it came.
  const field = reason.params?.field;
  const params = typeof field === 'string' && reason.code !== 'field.unknown' ? { ...reason.params, field: fieldLabel(t, field) } : reason.params;
  return t(key as MessageKey, params);
}

export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ProtocolFailure) {
    const said = reasonText(t, error.error.reason);
    if (said) return said;
    return t(`error.protocol.${ERROR_CODES.includes(error.error.code) ? error.error.code : 'internal'}`);
  }
  if (error instanceof BackgroundGone) return t('error.backgroundGone');
  // Not from the protocol: a page-side failure (the browser's own message), or nothing said at all.
  return error instanceof Error && error.message ? error.message : t('error.protocol.internal');
}
