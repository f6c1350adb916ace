import type { ImportedOrder } from '@/lib/import/imported-order';
import type { ImportProblem } from '@/lib/import/presets/types';
import type { ReadOptions } from '@/lib/import/read-export';

export type WorkerRead =
  | { ok: true; fileName: string; preset: { id: string; label: string }; platform: string; encoding: string; rowCount: number; orders: ImportedOrder[]; problems: ImportProblem[] }
  | { ok: false; fileName: string; message: string };

/** One file read in a Web Worker (entrypoints wire the worker URL). */
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
        worker.postMessage({ bytes, fileName: file.name, options }, [bytes]);
      }),
  );
}
