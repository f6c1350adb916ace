import { describe, expect, it, vi } from 'vitest';
import { lane, laneJobsWaiting, timedJob } from './lane';

describe('a serial lane', () => {
  it('runs jobs one at a time in the order given, and a failed job does not stop the next', async () => {
    const run = lane();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms);
      });
    const results = await Promise.allSettled([run(job('a', 20)), run(job('b', 1, true)), run(job('c', 1))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('timed background work', () => {
  it('counts as waiting while it runs, so a watcher waiting for quiet waits for it too', async () => {
    // The count is the whole worker's: the files before this one in the same test worker may have
    // left background work finishing (a keeper's save after its pause). Start from quiet.
    await vi.waitFor(() => expect(laneJobsWaiting()).toBe(0), { timeout: 20_000, interval: 50 });
    let release: () => void = () => undefined;
    const running = timedJob('sweep', () => new Promise<void>((resolve) => (release = resolve)));
    expect(laneJobsWaiting()).toBe(1);
    release();
    await running;
    expect(laneJobsWaiting()).toBe(0);
  });
});
