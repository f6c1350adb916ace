import { describe, expect, it } from 'vitest';
import { figuresInWorker, type FiguresReply, type FiguresRequest } from './figures';

/** A worker that answers the questions in the order given by `answer` (out of order when asked). */
function fakeWorker(answer: (asked: FiguresRequest[]) => FiguresReply[] | 'crash') {
  const asked: FiguresRequest[] = [];
  const worker = {
    onmessage: null as ((e: MessageEvent<FiguresReply>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(request: FiguresRequest) {
      asked.push(request);
      queueMicrotask(() => {
        const replies = answer(asked);
        if (replies === 'crash') worker.onerror?.({ message: 'worker crashed' } as ErrorEvent);
        else for (const data of replies) worker.onmessage?.({ data } as MessageEvent<FiguresReply>);
      });
    },
  };
  return { worker: worker as unknown as Worker, asked };
}

describe('figures read in a worker', () => {
  it('match each answer to its question, and start one worker for all of them', async () => {
    let made = 0;
    const { worker, asked } = fakeWorker((all) => (all.length < 2 ? [] : [
      { id: all[1]!.id, ok: true, kind: 'categories', value: [] },
      { id: all[0]!.id, ok: true, kind: 'intervals', value: [3, 40] },
    ]));
    const figures = figuresInWorker(() => (made++, worker));
    const [intervals, categories] = await Promise.all([figures.intervals('Asia/Taipei'), figures.categories('Asia/Taipei')]);
    expect(intervals).toEqual([3, 40]);
    expect(categories).toEqual([]);
    expect(made).toBe(1);
    expect(asked.map((a) => [a.kind, a.timeZone])).toEqual([['intervals', 'Asia/Taipei'], ['categories', 'Asia/Taipei']]);
  });

  it('a failure in the worker reaches the caller as an error', async () => {
    const failing = figuresInWorker(() => fakeWorker((all) => [{ id: all[0]!.id, ok: false, message: 'no store' }]).worker);
    await expect(failing.intervals('UTC')).rejects.toThrow('no store');
    const crashing = figuresInWorker(() => fakeWorker(() => 'crash').worker);
    await expect(crashing.categories('UTC')).rejects.toThrow('worker crashed');
  });
});
