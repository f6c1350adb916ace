// An error shown to the user in their language: a refusal's reason code (what to change: a field,
// the team server's answer) or else the protocol's error code picks the sentence; the English
// detail stays in the console, so no protocol message in English reaches a Chinese screen.
import { CATALOGUES, type MessageKey, type Translate } from '@/lib/i18n';
import { ERROR_CODES, ProtocolFailure } from '@/lib/messaging/errors';
import type { Reason } from '@/lib/domain/reason';

/** A reason's sentence, or undefined when this version has no words for its code. */
export function reasonText(t: Translate, reason: Reason | undefined): string | undefined {
  const key = `reason.${reason?.code}`;
  if (!reason || !(key in CATALOGUES.en)) return undefined;
  return t(key as MessageKey, reason.params);
}

export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ProtocolFailure) {
    const said = reasonText(t, error.error.reason);
    if (said) return said;
    return t(`error.protocol.${ERROR_CODES.includes(error.error.code) ? error.error.code : 'internal'}`);
  }
  // Not from the protocol: a page-side failure (the browser's own message), or nothing said at all.
  return error instanceof Error && error.message ? error.message : t('error.protocol.internal');
}
