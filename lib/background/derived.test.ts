import { describe, expect, it, vi } from 'vitest';
import { importOrigin, importSessionClosed, importSessionOpened, saveAfterPause } from './derived';

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

  it('a save after an import session wrote waits for the session to end, however long its batches take', async () => {
    let saves = 0;
    const keeper = saveAfterPause(async () => void saves++, 'not saved', 5, 10);
    importSessionOpened('s1');
    keeper.wrote(importOrigin('s1'));
    keeper.schedule();
    // The next batch comes long after the pause: the session is still open, nothing is saved.
    await wait(80);
    expect(saves).toBe(0);
    importSessionClosed('s1');
    await vi.waitFor(() => expect(saves).toBe(1), { timeout: 10_000, interval: 10 });
  });

  it('a save waits only for the session that wrote last, and a cancelled one does not come back at its end', async () => {
    let saves = 0;
    const keeper = saveAfterPause(async () => void saves++, 'not saved', 5, 10);
    importSessionOpened('s2');
    keeper.wrote('agent');
    keeper.schedule();
    await vi.waitFor(() => expect(saves).toBe(1), { timeout: 10_000, interval: 10 });
    keeper.wrote(importOrigin('s2'));
    keeper.schedule();
    await wait(40);
    keeper.cancel();
    importSessionClosed('s2');
    await wait(40);
    expect(saves).toBe(1);
  });
});
