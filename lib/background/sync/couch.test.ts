// The CouchDB client: a request aborted while the server holds its answer (a long-poll that has sent
// its headers) ends at once; the sync loop relies on it to send a change and to stop.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient, untilAborted } from './couch';

const held: ServerResponse[] = [];
const server = createServer((_req, res) => {
  // As a long-poll: the headers now, the body when a change comes (never, here).
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write(' ');
  held.push(res);
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.end();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('an aborted request', () => {
  it('a long-poll aborted after its headers arrived rejects at once, not when the server ends it', async () => {
    const client = new CouchClient({ server: url, db: 'shop', cookies: 'memory' });
    const abort = new AbortController();
    const polling = client.changes(0, { limit: 10, longpollMs: 25_000, signal: abort.signal });
    await expect.poll(() => held.length).toBe(1);
    const t = performance.now();
    abort.abort();
    await expect(polling).rejects.toThrow(/abort/i);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it.each([
    ['resolved', () => Promise.resolve(1), false, 1],
    ['rejected', () => Promise.reject(new Error('down')), false, 'down'],
    ['pending, then aborted', () => new Promise(() => undefined), true, 'aborted'],
  ])('untilAborted of a %s promise', async (_name, p, abort, outcome) => {
    const c = new AbortController();
    const run = untilAborted(p(), c.signal);
    if (abort) c.abort();
    if (typeof outcome === 'number') await expect(run).resolves.toBe(outcome);
    else await expect(run).rejects.toThrow(new RegExp(outcome, 'i'));
  });
});
