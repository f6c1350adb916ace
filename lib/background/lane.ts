// A serial lane: jobs run one after another, in the order given; a failed job does not stop the next.
// Every lane's jobs can be watched (the benchmark asks how long the background stays busy after an
// import, and on what): nobody else listens, and with no listener a job costs one comparison more.

export type Lane = <T>(job: () => Promise<T>) => Promise<T>;

/** One job of a named lane (or one timed piece of background work): when it was asked for, started and ended (performance.now()). */
export interface LaneJob {
  lane: string;
  /** Whose work it is (a store's name, where a keeper runs for several stores: unit tests). */
  owner?: string | undefined;
  queuedAt: number;
  start: number;
  end: number;
}

let listener: ((job: LaneJob) => void) | undefined;
/** Jobs given to any lane and not yet settled. */
let waiting = 0;

/** Watches every lane's jobs as they end (undefined: stop watching). */
export function onLaneJob(next: ((job: LaneJob) => void) | undefined): void {
  listener = next;
}

/** How many jobs, over every lane, are queued or running now. */
export const laneJobsWaiting = (): number => waiting;

/** Runs `job` as one piece of background work named `name`, reported to the watcher like a lane's job, and counted as waiting while it runs. */
export async function timedJob<T>(name: string, job: () => Promise<T>, queuedAt = performance.now(), owner?: string): Promise<T> {
  waiting++;
  try {
    return await watchedJob(name, job, queuedAt, owner);
  } finally {
    waiting--;
  }
}

async function watchedJob<T>(name: string, job: () => Promise<T>, queuedAt: number, owner?: string): Promise<T> {
  const start = performance.now();
  try {
    return await job();
  } finally {
    listener?.({ lane: name, owner, queuedAt, start, end: performance.now() });
  }
}

/** Reports a part of a job (a phase of it) that already ran, from `start` to `end` (performance.now()), to the watcher. */
export function reportSpan(name: string, start: number, end: number): void {
  listener?.({ lane: name, queuedAt: start, start, end });
}

/** Returns a function that runs each job after every job given to it before has settled. `name`: what a watcher calls it. */
export function lane(name = 'lane', owner?: string): Lane {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    waiting++;
    const queuedAt = performance.now();
    const watched = async () => {
      try {
        return await (listener ? watchedJob(name, job, queuedAt, owner) : job());
      } finally {
        waiting--;
      }
    };
    const run = tail.then(watched, watched);
    tail = run.catch(() => undefined);
    return run;
  };
}
