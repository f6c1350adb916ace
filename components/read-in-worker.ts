import type { ImportedOrder } from '@/lib/import/imported-order';
import type { ImportProblem, MappedField } from '@/lib/import/presets/types';
import type { ReadOptions } from '@/lib/import/read-export';
import type { StreamProgress } from '@/lib/import/stream-export';

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
    }
  | { ok: false; fileName: string; message: string; /** The header row, when one was found: the user can map it. */ headers?: string[] };

export type StreamSummary =
  | { ok: true; preset: { id: string; label: string }; platform: string; encoding: string; rowCount: number; orderCount: number; problemCount: number }
  | { ok: false; message: string };

/** One file read whole in a Web Worker (entrypoints wire the worker URL). */
export function readInWorker(makeWorker: () => Worker, file: File, options: ReadOptions): Promise<WorkerRead> {
  return file.arrayBuffer().then(
    (bytes) =>
      new Promise<WorkerRead>((resolve) => {
        const worker = makeWorker();
        worker.onmessage = (e: MessageEvent<WorkerRead>) => {
          worker.terminate();
          resolve(e.data);
        };
        worker.onerror = (e) => {
          worker.terminate();
          resolve({ ok: false, fileName: file.name, message: `${file.name} could not be read: ${e.message}` });
        };
        worker.postMessage({ kind: 'read', bytes, fileName: file.name, options }, [bytes]);
      }),
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
  onBatch: (orders: ImportedOrder[], problems: ImportProblem[], progress: StreamProgress) => Promise<void>,
): { done: Promise<StreamSummary>; stop(): void } {
  const worker = makeWorker();
  let settle: (s: StreamSummary) => void = () => undefined;
  const done = new Promise<StreamSummary>((resolve) => (settle = resolve));
  worker.onmessage = async (e: MessageEvent<{ kind: 'batch'; orders: ImportedOrder[]; problems: ImportProblem[]; progress: StreamProgress } | { kind: 'done'; result: StreamSummary }>) => {
    const m = e.data;
    if (m.kind === 'done') {
      worker.terminate();
      return settle(m.result);
    }
    try {
      await onBatch(m.orders, m.problems, m.progress);
      worker.postMessage({ kind: 'ack' });
    } catch (err) {
      worker.terminate();
      settle({ ok: false, message: (err as Error).message });
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    settle({ ok: false, message: `${file.name} could not be read: ${e.message}` });
  };
  worker.postMessage({ kind: 'stream', file, options });
  return {
    done,
    stop() {
      worker.terminate();
      settle({ ok: false, message: 'stopped' });
    },
  };
}
