// A loopback TCP relay in front of the team server, on a port of its own. Stopping it is what a
// client sees when the server is down or restarts (connections reset, then refused), while the
// in-memory pouchdb-server behind it keeps the team's data.
import { createConnection, createServer, type Socket } from 'node:net';
import { freePort } from './couch-server';

export interface TcpProxy {
  url: string;
  /** Resets every open connection and refuses new ones. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Stops by itself once this many more bytes went from the server to clients (a restart mid-transfer). */
  stopAfter(bytes: number): Promise<void>;
  /**
   * Holds what the server sends on the connection of the next request whose first line matches
   * `request`, once this many bytes of it went to the client (a slow server mid-answer); the other
   * connections go on. Resolves when the hold begins; release() sends what was held and lets the rest through.
   */
  holdAfter(request: RegExp, bytes: number): Promise<void>;
  release(): void;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let cut: { left: number; done: () => void } | undefined;
  let hold: { request: RegExp; left: number; done: () => void } | undefined;
  /** The connections held, and what their server sent meanwhile, to send on release. */
  const holding = new Set<Socket>();
  let held: (() => void)[] = [];
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    /** This connection's hold, once it asked what `hold` waits for: the bytes left before it begins. */
    let watch: { left: number; done: () => void } | undefined;
    client.on('data', (chunk: Buffer) => {
      if (!hold || !hold.request.test(chunk.toString('latin1').split('\r\n', 1)[0] ?? '')) return;
      watch = hold;
      hold = undefined;
    });
    upstream.on('data', (chunk: Buffer) => {
      if (holding.has(client)) return void held.push(() => client.write(chunk));
      if (watch) {
        watch.left -= chunk.length;
        if (watch.left <= 0) {
          holding.add(client);
          watch.done();
          watch = undefined;
        }
      }
      if (!cut) return void client.write(chunk);
      cut.left -= chunk.length;
      if (cut.left > 0) return void client.write(chunk);
      const { done } = cut;
      cut = undefined;
      void stop().then(done);
    });
    upstream.on('end', () => (holding.has(client) ? held.push(() => client.end()) : client.end()));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const start = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const stop = () =>
    new Promise<void>((resolve) => {
      // What was held goes with the connections it was for.
      holding.clear();
      held = [];
      hold = undefined;
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  const stopAfter = (bytes: number) => new Promise<void>((done) => (cut = { left: bytes, done }));
  const holdAfter = (request: RegExp, bytes: number) => new Promise<void>((done) => (hold = { request, left: bytes, done }));
  const release = () => {
    const writes = held;
    holding.clear();
    held = [];
    for (const write of writes) write();
  };
  await start();
  return { url: `http://127.0.0.1:${port}`, stop, start, stopAfter, holdAfter, release };
}
