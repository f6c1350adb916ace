// The bench build only (REGULARS_BENCH=1): how long this page waits on the background for each
// message of an import, for tests/bench (window.regularsImportTimes). The rest of an import's time
// is this page waiting for the reader (the worker parsing the file).
type Timed<A extends unknown[], R> = (...args: A) => Promise<R>;

const times: Record<string, { ms: number; calls: number }> = {};

export function benchTimed<A extends unknown[], R>(name: string, call: Timed<A, R>): Timed<A, R> {
  (window as unknown as { regularsImportTimes: typeof times }).regularsImportTimes = times;
  return async (...args) => {
    const t = performance.now();
    try {
      return await call(...args);
    } finally {
      const entry = (times[name] ??= { ms: 0, calls: 0 });
      entry.ms += performance.now() - t;
      entry.calls++;
    }
  };
}
