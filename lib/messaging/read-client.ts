// The reads a page asks again and again (the panel's member lookups) over one port to the background
// (read-port.ts); everything else goes by `send` (browser-client.ts).
import { createClient } from './client';
import type { RequestOf, ResponseOf } from './protocol';
import { portRuntime, READ_PORT, type PortLike, type PortRead } from './read-port';

const client = createClient(
  portRuntime({
    connect: () => browser.runtime.connect({ name: READ_PORT }) as PortLike,
    runtime: { sendMessage: (message) => browser.runtime.sendMessage(message) },
  }),
);

export const sendRead = <N extends PortRead>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> => client(name, payload);
