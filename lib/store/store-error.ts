import type { Reason } from '../domain/reason';

/** A refusal of the store: its protocol code, the English sentence for logs, and the reason the page translates. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
    readonly reason?: Reason,
  ) {
    super(message);
  }
}
