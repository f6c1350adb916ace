import { describe, expect, it } from 'vitest';
import { firstAnswer } from './first-answer';

/** A promise settled by hand. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe("the popup's first answer: the kept screen or the background's, whichever comes first", () => {
  it('draws the kept screen when it comes first, and says so', async () => {
    const kept = later<string | undefined>();
    const asked = later<string>();
    let usedKept = false;
    const first = firstAnswer(kept.promise, asked.promise, () => (usedKept = true));
    kept.resolve('kept');
    expect(await first).toBe('kept');
    expect(usedKept).toBe(true);
  });

  it("draws the background's answer when it comes before the storage read, without waiting for it", async () => {
    const kept = later<string | undefined>();
    const asked = later<string>();
    let usedKept = false;
    const first = firstAnswer(kept.promise, asked.promise, () => (usedKept = true));
    let got: string | undefined;
    void first.then((answer) => (got = answer));
    asked.resolve('asked');
    await tick();
    // The kept screen's read has not come yet: the frame does not wait for it.
    expect(got).toBe('asked');
    kept.resolve('kept');
    await tick();
    expect(usedKept).toBe(false);
  });

  it('waits for the background when nothing is kept, or the read fails', async () => {
    for (const settleKept of [(k: ReturnType<typeof later<string | undefined>>) => k.resolve(undefined), (k: ReturnType<typeof later<string | undefined>>) => k.reject(new Error('no storage'))]) {
      const kept = later<string | undefined>();
      const asked = later<string>();
      const first = firstAnswer(kept.promise, asked.promise);
      settleKept(kept);
      await tick();
      asked.resolve('asked');
      expect(await first).toBe('asked');
    }
  });

  it("draws the kept screen when the background's answer failed, and fails when neither is there", async () => {
    const kept = later<string | undefined>();
    const asked = later<string>();
    const first = firstAnswer(kept.promise, asked.promise);
    asked.reject(new Error('The background stopped before it answered'));
    await tick();
    kept.resolve('kept');
    expect(await first).toBe('kept');

    const none = later<string | undefined>();
    const failed = later<string>();
    const nothing = firstAnswer(none.promise, failed.promise);
    failed.reject(new Error('The background stopped before it answered'));
    none.resolve(undefined);
    await expect(nothing).rejects.toThrow('stopped before it answered');
  });
});
