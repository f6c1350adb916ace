import type { ImportedOrder } from '@/lib/domain/imported-order';
import type { OrderBatch } from '@/lib/import/order-batch';
import type { ImportProblem, MappedField } from '@/lib/import/presets/types';
import type { ReadOptions } from '@/lib/import/read-export';
import type { StreamProgress } from '@/lib/import/stream-export';
import type { NearPreset } from '@/lib/import/read-export';
import type { ColumnValues } from '@/lib/import/table';
import { refused, unreadable, type Refusal } from '@/lib/import/problem';

export type WorkerRead =
  | {
    ok: true;
    fileName: string;
    preset: { id: string; label: string };
    platform: string;
    encoding: string;
    rowCount: number;
    orders: ImportedOrder[];
    problems: ImportProblem[];
    headers?: string[];
    /** Which header each field was read from, for the preview. */
    columns?: [MappedField, string][];
    values?: ColumnValues;
  }
  | {
    ok: false;
    fileName: string;
    refusal: Refusal;
    message: string;
    /** The header row, when one was found: the user can map it. */
    headers?: string[];
    values?: ColumnValues;
    near?: NearPreset;
    unknownColumns?: true;
  };

export type StreamSummary =
  | { ok: true; preset: { id: string; label: string }; platform: string; encoding: string; rowCount: number; orderCount: number; problemCount: number }
  | { ok: false; refusal?: Refusal; error?: unknown; message: string };

/**
 * One message to a new Web Worker and its one reply; the worker is ended either way. `failed`
 * makes the reply when the worker itself fails (its script could not load or threw). `early`:
 * takes a reply sent ahead of the last one, and says so (true), so the worker is waited for still.
 */
export function askWorker<Reply>(
  makeWorker: () => Worker,
  message: unknown,
  transfer: Transferable[],
  failed: (message: string) => Reply,
  early?: (reply: Reply) => boolean,
): Promise<Reply> {
  return new Promise((resolve) => {
    const worker = makeWorker();
    worker.onmessage = (e: MessageEvent<Reply>) => {
      if (early?.(e.data)) return;
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve(failed(e.message));
    };
    worker.postMessage(message, transfer);
  });
}

/** One file read whole in a Web Worker (entrypoints wire the worker URL). */
export function readInWorker(makeWorker: () => Worker, file: File, options: ReadOptions): Promise<WorkerRead> {
  return file.arrayBuffer().then((bytes) =>
    askWorker<WorkerRead>(makeWorker, { kind: 'read', bytes, fileName: file.name, options }, [bytes], (message) => unreadable(file.name, message)),
  );
}

/**
 * A big file streamed by a Web Worker: each batch is handed to `onBatch`, and the worker reads on
 * only once it resolves. `stop()` ends the reading (the caller undoes what was stored).
 */
export function streamInWorker(
  makeWorker: () => Worker,
  file: File,
  options: ReadOptions,
  onBatch: (batch: OrderBatch, problems: ImportProblem[], progress: StreamProgress) => Promise<void>,
): { done: Promise<StreamSummary>; stop(): void } {
  const worker = makeWorker();
  let settled = false;
  let settle: (s: StreamSummary) => void = () => undefined;
  const done = new Promise<StreamSummary>((resolve) => (settle = (s) => ((settled = true), resolve(s))));
  // The worker reads the next batch while this one is stored (parsing and storing overlap on two
  // cores); it waits for an ack only once a batch is queued behind the one being stored.
  let stored: Promise<void> = Promise.resolve();
  let queued = 0;
  let ackOwed = false;
  const ack = () => worker.postMessage({ kind: 'ack' });
  worker.onmessage = (e: MessageEvent<{ kind: 'batch'; batch: OrderBatch; problems: ImportProblem[]; progress: StreamProgress } | { kind: 'done'; result: StreamSummary }>) => {
    const m = e.data;
    if (m.kind === 'done') {
      void stored.then(() => {
        worker.terminate();
        if (!settled) settle(m.result);
      });
      return;
    }
    queued++;
    if (queued <= 1) ack();
    else ackOwed = true;
    stored = stored.then(async () => {
      if (settled) return;
      try {
        await onBatch(m.batch, m.problems, m.progress);
      } catch (err) {
        worker.terminate();
        settle({ ok: false, error: err, message: err instanceof Error ? err.message : String(err) });
        return;
      }
      queued--;
      if (ackOwed) {
        ackOwed = false;
        ack();
      }
    });
  };
  worker.onerror = (e) => {
    worker.terminate();
    if (!settled) settle(unreadable(file.name, e.message));
  };
  worker.postMessage({ kind: 'stream', file, options });
  return {
    done,
    stop() {
      worker.terminate();
      if (!settled) settle({ ok: false, refusal: refused('stopped'), message: 'stopped' });
    },
  };
}
