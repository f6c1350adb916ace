import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../background/handlers';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { createClient } from './client';
import { fail, createRouter } from './router';
import { answerPortReads, portRuntime, READ_PORT, type PortLike } from './read-port';

const OWN = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const PANEL = { id: OWN.id, url: 'chrome-extension://ourextensionid/panel.html', tab: { id: 7 } };
const tick = () => new Promise((r) => setTimeout(r));

type Sender = { id?: string; url?: string; tab?: { id?: number } };

/**
 * A page and the background's service worker joined by ports as the browser joins them: what one side
 * posts reaches the other a task later. `stop()` stops the worker as the browser does when it is idle:
 * its ports close (the page hears so a task later; a post on a closed port throws), and the next
 * connect or runtime message starts it again.
 */
function pageAndWorker(route: (message: unknown, sender: Sender) => Promise<unknown>, sender: Sender = PANEL) {
  let running = true;
  const open: (() => void)[] = [];
  const connect = vi.fn((): PortLike => {
    running = true;
    let closed = false;
    const pageHears: ((m: unknown) => void)[] = [];
    const pageGone: (() => void)[] = [];
    const workerHears: ((m: unknown) => void)[] = [];
    const page: PortLike = {
      name: READ_PORT,
      postMessage: (m) => {
        if (closed) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(m);
        setTimeout(() => running && !closed && workerHears.forEach((l) => l(copy)));
      },
      onMessage: { addListener: (l) => void pageHears.push(l) },
      onDisconnect: { addListener: (l) => void pageGone.push(l) },
      disconnect: () => void (closed = true),
    };
    const worker: PortLike & { sender: Sender } = {
      name: READ_PORT,
      sender,
      postMessage: (m) => {
        if (closed) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(m);
        setTimeout(() => !closed && pageHears.forEach((l) => l(copy)));
      },
      onMessage: { addListener: (l) => void workerHears.push(l) },
      onDisconnect: { addListener: () => undefined },
      disconnect: () => void (closed = true),
    };
    answerPortReads(worker, route, (name) => fail('invalid_request', `${name} is not a read the port answers`));
    open.push(() => {
      closed = true;
      setTimeout(() => pageGone.forEach((l) => l()));
    });
    return page;
  });
  const runtime = {
    sendMessage: vi.fn(async (m: unknown) => {
      running = true;
      return route(structuredClone(m), sender);
    }),
  };
  const stop = () => {
    running = false;
    open.splice(0).forEach((close) => close());
  };
  return { send: createClient(portRuntime({ connect, runtime })), connect, runtime, stop };
}

async function shop(name: string) {
  const db = memoryDb(undefined, undefined, name);
  const route = createRouter(createHandlers({ db, now: () => NOW }), OWN);
  await route({ regulars: 1, name: 'orders.import', payload: { rows: [order({ orderNo: 'r1', buyer: { handle: 'ana' } }), order({ orderNo: 'r2', buyer: { handle: 'bo' } })] } }, PANEL);
  return route;
}

describe('the panel’s lookups over its read port', () => {
  it('ask every lookup over one port, each answered with its own member', async () => {
    const { send, connect, runtime } = pageAndWorker(await shop('read-port-one'));
    const cards = await Promise.all(['ana', 'bo', 'nobody', 'ana'].map((handle) => send('member.lookup', { platform: 'demo', handle })));
    expect(cards.map((c) => c?.member.displayName ?? null)).toEqual(['ana', 'bo', null, 'ana']);
    expect(await send('member.card', { memberId: cards[1]!.member.id })).toMatchObject({ member: { displayName: 'bo' } });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('a lookup under way when the worker stops is answered, and the next one opens a new port', async () => {
    const route = await shop('read-port-stopped');
    let hold = true;
    const slow = async (m: unknown, s: Sender) => {
      while (hold) await tick();
      return route(m, s);
    };
    const { send, connect, runtime, stop } = pageAndWorker(slow);
    const waiting = send('member.lookup', { platform: 'demo', handle: 'ana' });
    await tick();
    stop(); // the browser stops the idle worker before it answered
    hold = false;
    expect((await waiting)?.member.displayName).toBe('ana');
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect((await send('member.lookup', { platform: 'demo', handle: 'bo' }))?.member.displayName).toBe('bo');
    expect(connect).toHaveBeenCalledTimes(2);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('after the worker slept, the next lookup wakes it through a new port', async () => {
    const { send, connect, stop } = pageAndWorker(await shop('read-port-slept'));
    await send('member.lookup', { platform: 'demo', handle: 'ana' });
    stop();
    await tick();
    expect((await send('member.lookup', { platform: 'demo', handle: 'bo' }))?.member.displayName).toBe('bo');
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('a lookup posted on a port that closed before the page heard so goes by runtime messaging', async () => {
    const { send, connect, runtime, stop } = pageAndWorker(await shop('read-port-closing'));
    await send('member.lookup', { platform: 'demo', handle: 'ana' });
    stop(); // closed; the page hears it only a task later
    expect((await send('member.lookup', { platform: 'demo', handle: 'bo' }))?.member.displayName).toBe('bo');
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect((await send('member.lookup', { platform: 'demo', handle: 'ana' }))?.member.displayName).toBe('ana');
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('refuses a write asked over the port: only reads may be asked again after a port closes', async () => {
    const route = await shop('read-port-write');
    const { send } = pageAndWorker(route);
    const write = send as unknown as (name: string, payload: object) => Promise<unknown>;
    await expect(write('member.create', { platform: 'demo', handle: 'cy' })).rejects.toMatchObject({ error: { code: 'invalid_request' } });
    expect(await send('member.lookup', { platform: 'demo', handle: 'cy' })).toBeNull();
  });

  it('is refused by the router when the port does not come from Regulars itself', async () => {
    const { send } = pageAndWorker(await shop('read-port-forbidden'), { id: 'someoneelse', url: 'chrome-extension://someoneelse/x.html' });
    await expect(send('member.lookup', { platform: 'demo', handle: 'ana' })).rejects.toMatchObject({ error: { code: 'forbidden' } });
  });
});
