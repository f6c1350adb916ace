// The background's side of the protocol: check the sender, validate, dispatch, answer typed.
import { type z } from 'zod';
import { issueReason, type Reason } from '../domain/reason';
import type { ErrorCode, Reply } from './errors';
import { describeIssues } from './issues';
import { envelopeSchema, protocol, type MessageName, type RequestOf, type ResponseOf } from './protocol';

export type Handlers = { [N in MessageName]: (payload: z.infer<(typeof protocol)[N]['request']>, sender: SenderInfo) => Promise<ResponseOf<N>> };

/** The parts of runtime.MessageSender the router decides on. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

export function fail(code: ErrorCode, message: string, reason?: Reason): Reply<never> {
  return { ok: false, error: reason ? { code, message, reason } : { code, message } };
}

function isName(name: string): name is MessageName {
  return Object.prototype.hasOwnProperty.call(protocol, name);
}

/**
 * Only our own extension may talk to the background: its pages, and its content scripts (which
 * report our extension id). Web pages have no channel to us (no externally_connectable), and a
 * message that claims another id is refused.
 */
export function senderAllowed(sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  if (sender.tab) return true; // a content script (or our own frame) in a tab
  return typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

export function createRouter(handlers: Handlers, own: { id: string; origin: string }) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    if (!senderAllowed(sender, own.id, own.origin)) return fail('forbidden', 'Messages are accepted only from Regulars itself');
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) return fail('invalid_request', `Not a Regulars message: ${describeIssues(envelope.error.issues)}`);
    const { name, payload } = envelope.data;
    if (!isName(name)) return fail('unknown_message', `Unknown message "${name}"`);
    const parsed = protocol[name].request.safeParse(payload ?? {});
    if (!parsed.success) return fail('invalid_request', `${name}: ${describeIssues(parsed.error.issues)}`, issueReason(parsed.error.issues[0]!));
    try {
      const handler = handlers[name] as (p: unknown, s: SenderInfo) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (e) {
      const { code, reason } = e as { code?: unknown; reason?: Reason };
      if (code === 'not_found' || code === 'conflict') return fail(code, (e as Error).message, reason);
      if (code === 'invalid') return fail('invalid_request', (e as Error).message, reason);
      console.error(`Regulars: ${name} failed`, e);
      return fail('internal', `${name} failed: ${(e as Error).message ?? String(e)}`);
    }
  };
}

export type RequestPayload<N extends MessageName> = RequestOf<N>;
