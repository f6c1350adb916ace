import { describe, expect, it, vi } from 'vitest';
import { saveAfterPause } from './derived';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the keepers' saves once writes pause", () => {
  it('saves that come due together run one after another, never at the same time', async () => {
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const save = (name: string) => async () => {
      most = Math.max(most, ++running);
      await wait(30);
      running--;
      done.push(name);
    };
    const keepers = ['ledger', 'facts', 'tiers'].map((name) => saveAfterPause(save(name), 'not saved', 5));
    for (const k of keepers) k.schedule();
    // Waited for, not timed: under load the three 30 ms saves take longer than any fixed wait.
    await vi.waitFor(() => expect([...done].sort()).toEqual(['facts', 'ledger', 'tiers']), { timeout: 10_000, interval: 10 });
    expect(most).toBe(1);
  });

  it('a failed save does not hold back the next', async () => {
    const done: string[] = [];
    const failing = saveAfterPause(() => Promise.reject(new Error('disk full')), 'not saved', 5);
    const next = saveAfterPause(async () => void done.push('facts'), 'not saved', 10);
    failing.schedule();
    next.schedule();
    await vi.waitFor(() => expect(done).toEqual(['facts']), { timeout: 10_000, interval: 10 });
  });
});
