// An error shown to the user in their language: the protocol's error code picks the sentence (the
// background logs the English detail), so no English sentence reaches a Chinese screen.
import type { Translate } from '@/lib/i18n';
import { ERROR_CODES, ProtocolFailure } from '@/lib/messaging/errors';

export function errorText(t: Translate, error: unknown): string {
  const code = error instanceof ProtocolFailure && ERROR_CODES.includes(error.error.code) ? error.error.code : 'internal';
  return t(`error.protocol.${code}`);
}
