// Typed errors of the protocol. Free of zod so the content script can import it cheaply.
export const ERROR_CODES = ['forbidden', 'unknown_message', 'invalid_request', 'not_found', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export class ProtocolFailure extends Error {
  constructor(readonly error: ProtocolError) {
    super(`${error.code}: ${error.message}`);
  }
}
