// Where an import spends its time, for the benchmarks (tests/bench): nobody else listens, and with
// no listener a mark costs one comparison.
type PhaseListener = (phase: string, ms: number) => void;

let listener: PhaseListener | undefined;

export function onImportPhase(next: PhaseListener | undefined): void {
  listener = next;
}

/** A clock whose every mark reports the time since the previous one (or its start) under that phase. */
export function phaseClock(): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    if (!listener) return;
    const now = performance.now();
    listener(phase, now - last);
    last = now;
  };
}

/** Times one awaited step under `phase`. */
export async function timedPhase<T>(phase: string, step: () => Promise<T>): Promise<T> {
  if (!listener) return step();
  const t = performance.now();
  try {
    return await step();
  } finally {
    listener?.(phase, performance.now() - t);
  }
}
