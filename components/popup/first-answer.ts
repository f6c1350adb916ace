// Which answer the popup's first frame draws (entrypoints/popup/early.ts): Today's first screen as
// kept in session storage (lib/messaging/today-kept.ts) or as the background answers it, whichever
// comes first. Both are the list as the store holds it: the kept screen is removed by any write to
// what Today shows. The kept one wins while the worker sleeps (it has to start first); a worker
// awake may answer first, and then the frame need not wait for the storage read.

/**
 * The first of `kept` (when it holds an answer) and `asked`; `asked` alone when nothing is kept.
 * Fails only when `asked` fails and nothing is kept. `onKept` runs when the kept answer is the one used.
 */
export function firstAnswer<T>(kept: Promise<T | undefined>, asked: Promise<T>, onKept?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (answer: T) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const askedAlone = () => asked.then(settle, (e: unknown) => (settled ? undefined : reject(e)));
    asked.then(settle, () => undefined);
    kept.then(
      (answer) => {
        if (answer === undefined) return void askedAlone();
        if (!settled) onKept?.();
        settle(answer);
      },
      () => void askedAlone(),
    );
  });
}
