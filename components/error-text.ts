// An error shown to the user in their language: the protocol's error code picks the sentence (the
// background logs the English detail), so no protocol message in English reaches a Chinese screen.
import type { Translate } from '@/lib/i18n';
import { ERROR_CODES, ProtocolFailure } from '@/lib/messaging/errors';

export function errorText(t: Translate, error: unknown): string {
  // A refused request's reason (a validation rule, the server's answer) is what the user must act on: keep it.
  if (error instanceof ProtocolFailure && error.error.code === 'invalid_request' && error.error.message) return error.error.message;
  if (error instanceof ProtocolFailure) return t(`error.protocol.${ERROR_CODES.includes(error.error.code) ? error.error.code : 'internal'}`);
  // Not from the protocol: a page-side failure (the browser's own message), or nothing said at all.
  return error instanceof Error && error.message ? error.message : t('error.protocol.internal');
}
