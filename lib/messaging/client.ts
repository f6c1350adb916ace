// The caller's side: content scripts and extension pages send typed requests to the background.
// No zod here, so the content script stays small: the background validates everything.
import { ProtocolFailure, type Reply } from './errors';
import type { Envelope, MessageName, RequestOf, ResponseOf } from './protocol';

type RuntimeLike = { sendMessage(message: unknown): Promise<unknown> };

export function createClient(runtime: RuntimeLike) {
  return async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    const envelope: Envelope = { regulars: 1, name, payload };
    const reply = (await runtime.sendMessage(envelope)) as Reply<ResponseOf<N>> | undefined;
    if (!reply) throw new ProtocolFailure({ code: 'internal', message: `No answer to ${name}` });
    if (!reply.ok) throw new ProtocolFailure(reply.error);
    return reply.data;
  };
}
