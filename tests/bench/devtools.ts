// A DevTools connection to one target, shared by the import probes (import-heap-snapshot.ts,
// import-alloc-sample.ts): commands, the sessions of the targets it attached to, heap snapshots.
import WebSocket from 'ws';
import type { LaunchedExtension } from '../support/extension';

/** A DevTools connection that also gathers a heap snapshot's chunks, per session. */
export function connect(url: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 31 });
  let id = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  const sessions = new Map<string, string>();
  const chunks = new Map<string, string[]>();
  const handlers = new Map<string, (params: Record<string, unknown>) => void>();
  ws.on('message', (data) => {
    type Message = { id?: number; result?: unknown; error?: unknown; method?: string; sessionId?: string; params?: Record<string, unknown> };
    const msg = JSON.parse(String(data)) as Message;
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
    if (msg.id !== undefined) waiting.delete(msg.id);
    if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.get(msg.sessionId ?? '')?.push(msg.params!.chunk as string);
    const info = msg.params?.targetInfo as { type: string; url: string } | undefined;
    if (msg.method === 'Target.attachedToTarget') sessions.set(msg.params!.sessionId as string, `${info!.type} ${info!.url.split('/').pop()}`);
    if (msg.method === 'Target.detachedFromTarget') sessions.delete(msg.params!.sessionId as string);
    if (msg.method) handlers.get(msg.method)?.(msg.params ?? {});
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve) => {
      const n = ++id;
      waiting.set(n, resolve as (v: unknown) => void);
      ws.send(JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  return {
    open: new Promise((r) => ws.once('open', r)),
    sessions,
    send,
    /** Calls `handler` with the params of each event named `method` (one handler a method). */
    on: (method: string, handler: (params: Record<string, unknown>) => void) => void handlers.set(method, handler),
    /** The isolate's heap as a snapshot's JSON text (the snapshot collects garbage first). */
    async snapshot(sessionId?: string): Promise<string> {
      chunks.set(sessionId ?? '', []);
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, sessionId);
      const text = chunks.get(sessionId ?? '')!.join('');
      chunks.delete(sessionId ?? '');
      return text;
    },
    close: () => ws.close(),
  };
}

/** What the import probes start from: the background's service worker (connected) and the options page (open), with every target listable. */
export async function probeTargets(ext: LaunchedExtension, port: string) {
  const list = async () => (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const sw = connect((await list()).find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId))!.webSocketDebuggerUrl);
  await sw.open;
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForTimeout(2000);
  return { list, sw, page };
}

/** The probe's clock: `due(at)` for seconds from its start, or after `imported()` with a leading "+" (e.g. "60", "+15"). */
export function probeClock() {
  const t0 = Date.now();
  let doneAt: number | undefined;
  return {
    seconds: () => Math.round((Date.now() - t0) / 10) / 100,
    imported: () => void (doneAt = Date.now()),
    done: () => doneAt !== undefined,
    due: (at: string) => (at.startsWith('+') ? doneAt !== undefined && Date.now() - doneAt >= Number(at.slice(1)) * 1000 : doneAt !== undefined || Date.now() - t0 >= Number(at) * 1000),
  };
}

/**
 * A trace of the whole browser through its DevTools endpoint (`browserWsUrl`), started now with
 * `traceConfig`: `send` for more commands meanwhile, `end()` for the events it collected.
 */
export async function browserTrace<E>(browserWsUrl: string, traceConfig: object) {
  const cdp = connect(browserWsUrl);
  const events: E[] = [];
  let complete: (() => void) | undefined;
  cdp.on('Tracing.dataCollected', (params) => events.push(...((params.value ?? []) as E[])));
  cdp.on('Tracing.tracingComplete', () => complete?.());
  await cdp.open;
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig });
  return {
    send: cdp.send,
    async end(): Promise<E[]> {
      const done = new Promise<void>((r) => (complete = r));
      await cdp.send('Tracing.end');
      await done;
      cdp.close();
      return events;
    },
  };
}
