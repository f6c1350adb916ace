// Reads a page asks many times in a row (the panel's member lookups, one per conversation) over one
// long-lived port to the background instead of one `sendMessage` each. Chromium opens a channel for
// every `sendMessage`, routes it through the browser process and closes it again: most of a lookup's
// time (tests/bench 'member-lookup'). A port is opened once and carries every read after it.
// The background's worker may stop at any time (idle, or stopped by the browser): its port closes
// then. Reads that were under way are asked again by `sendMessage` (which wakes the worker), and the
// next read opens a new port. Only reads go this way, so asking again can never write twice.
import type { MessageName } from './protocol';

type RuntimeLike = { sendMessage(message: unknown): Promise<unknown> };

/** The port's name: the background answers reads on it (answerPortReads). */
export const READ_PORT = 'regulars-reads';

/** What may be asked over the port: reads only (a read asked again after its port closed changes nothing). */
export const PORT_READS = ['member.lookup', 'member.card'] as const satisfies readonly MessageName[];
export type PortRead = (typeof PORT_READS)[number];

/** A read as posted on the port, and its answer. */
export interface PortAsk {
  regularsRead: number;
  message: unknown;
}
export interface PortAnswer {
  regularsRead: number;
  reply: unknown;
}

/** The parts of runtime.Port used here (replaced in unit tests). */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

const isAnswer = (data: unknown): data is PortAnswer => typeof data === 'object' && data !== null && typeof (data as PortAnswer).regularsRead === 'number' && 'reply' in data;
const isAsk = (data: unknown): data is PortAsk => typeof data === 'object' && data !== null && typeof (data as PortAsk).regularsRead === 'number' && 'message' in data;

/** A `sendMessage` for reads that goes over one port, opened on the first read and again after it closes. */
export function portRuntime(env: { connect(): PortLike; runtime: RuntimeLike }): RuntimeLike {
  type Pending = { message: unknown; resolve(reply: unknown): void; reject(e: unknown): void };
  const pending = new Map<number, Pending>();
  let port: PortLike | undefined;
  let next = 1;
  // Asked again by runtime messaging: it wakes the worker if it stopped.
  const again = (p: Pending) => env.runtime.sendMessage(p.message).then(p.resolve, p.reject);
  const open = (): PortLike => {
    const opened = env.connect();
    opened.onMessage.addListener((data) => {
      if (!isAnswer(data)) return;
      const p = pending.get(data.regularsRead);
      pending.delete(data.regularsRead);
      p?.resolve(data.reply);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      const waiting = [...pending.values()];
      pending.clear();
      for (const p of waiting) void again(p);
    });
    return opened;
  };
  return {
    sendMessage(message) {
      return new Promise((resolve, reject) => {
        const id = next++;
        const p = { message, resolve, reject };
        try {
          port ??= open();
          pending.set(id, p);
          port.postMessage({ regularsRead: id, message } satisfies PortAsk);
        } catch {
          // A port that closed before it said so: this read goes by runtime messaging, the next opens another.
          pending.delete(id);
          port = undefined;
          void again(p);
        }
      });
    },
  };
}

type Sender = { id?: string | undefined; url?: string | undefined; tab?: { id?: number | undefined } | undefined };
type Route = (message: unknown, sender: Sender) => Promise<unknown>;

/** The background's side: each read on a READ_PORT port through the same router (sender check, validation). */
export function answerPortReads(port: PortLike & { sender?: Sender | undefined }, route: Route, refuse: (name: string) => unknown): void {
  port.onMessage.addListener((data) => {
    if (!isAsk(data)) return;
    const name = (data.message as { name?: unknown } | null)?.name;
    const asked = (PORT_READS as readonly unknown[]).includes(name) ? route(data.message, port.sender ?? {}) : Promise.resolve(refuse(String(name)));
    void asked.then((reply) => {
      try {
        port.postMessage({ regularsRead: data.regularsRead, reply } satisfies PortAnswer);
      } catch {
        // The page went away (its port closed) before the answer: nobody is waiting.
      }
    });
  });
}
