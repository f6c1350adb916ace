// A DevTools connection to one target, shared by the import probes (import-heap-snapshot.ts,
// import-alloc-sample.ts): commands, the sessions of the targets it attached to, heap snapshots.
import WebSocket from 'ws';

/** A DevTools connection that also gathers a heap snapshot's chunks, per session. */
export function connect(url: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 31 });
  let id = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  const sessions = new Map<string, string>();
  const chunks = new Map<string, string[]>();
  ws.on('message', (data) => {
    type Message = { id?: number; result?: unknown; error?: unknown; method?: string; sessionId?: string; params?: Record<string, unknown> };
    const msg = JSON.parse(String(data)) as Message;
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
    if (msg.id !== undefined) waiting.delete(msg.id);
    if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.get(msg.sessionId ?? '')?.push(msg.params!.chunk as string);
    const info = msg.params?.targetInfo as { type: string; url: string } | undefined;
    if (msg.method === 'Target.attachedToTarget') sessions.set(msg.params!.sessionId as string, `${info!.type} ${info!.url.split('/').pop()}`);
    if (msg.method === 'Target.detachedFromTarget') sessions.delete(msg.params!.sessionId as string);
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
