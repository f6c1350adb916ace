// Typed errors of the protocol. Free of zod so the content script can import it cheaply.
import type { Reason } from '../domain/reason';

export const ERROR_CODES = ['forbidden', 'unknown_message', 'invalid_request', 'not_found', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  /** English, for the console and tests; pages show `reason` (or the code's sentence) instead. */
  message: string;
  /** What the user must change, as a code the page translates (a refused field, the team server's answer). */
  reason?: Reason;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export class ProtocolFailure extends Error {
  constructor(readonly error: ProtocolError) {
    super(`${error.code}: ${error.message}`);
  }
}
