// A serial lane: jobs run one after another, in the order given; a failed job does not stop the next.

export type Lane = <T>(job: () => Promise<T>) => Promise<T>;

/** Returns a function that runs each job after every job given to it before has settled. */
export function lane(): Lane {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
