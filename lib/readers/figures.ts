// The page's side of figures-worker.ts: each figure asked of one worker, answered by request id.
import type { CategoryFigures } from '../domain/category-figures';

export type FiguresRequest = { id: number; kind: 'intervals' | 'categories'; timeZone: string };
export type FiguresReply =
  | { id: number; ok: true; kind: 'intervals'; value: number[] }
  | { id: number; ok: true; kind: 'categories'; value: CategoryFigures[] }
  | { id: number; ok: false; message: string };

/** The figures, computed in the worker `make` starts (once, on the first ask). */
export function figuresInWorker(make: () => Worker) {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (reply: FiguresReply) => void }>();
  const ask = (kind: FiguresRequest['kind'], timeZone: string): Promise<FiguresReply> => {
    if (!worker) {
      worker = make();
      worker.onmessage = ({ data }: MessageEvent<FiguresReply>) => {
        waiting.get(data.id)?.resolve(data);
        waiting.delete(data.id);
      };
      // A worker that fails to start or crashes answers every question with its error.
      worker.onerror = (event) => {
        for (const [id, w] of waiting) w.resolve({ id, ok: false, message: event.message || 'The figures worker failed' });
        waiting.clear();
        worker = undefined;
      };
    }
    const id = next++;
    const reply = new Promise<FiguresReply>((resolve) => waiting.set(id, { resolve }));
    worker.postMessage({ id, kind, timeZone } satisfies FiguresRequest);
    return reply;
  };
  const value = <K extends 'intervals' | 'categories'>(reply: FiguresReply, kind: K) => {
    if (!reply.ok) throw new Error(reply.message);
    if (reply.kind !== kind) throw new Error(`Asked for ${kind}, answered ${reply.kind}`);
    return reply.value as Extract<FiguresReply, { kind: K }>['value'];
  };
  return {
    /** Days between each member's orders, for the lapse suggestion. */
    intervals: async (timeZone: string) => value(await ask('intervals', timeZone), 'intervals'),
    /** Buyers, repeat rate and repurchase intervals per product category. */
    categories: async (timeZone: string) => value(await ask('categories', timeZone), 'categories'),
  };
}
