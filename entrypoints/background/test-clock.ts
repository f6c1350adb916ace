// The background's clock. In the demo build (the one the end-to-end tests load) a test can move it
// forward, so a reminder set for a whole minute falls due within a couple of seconds instead of
// after up to a minute and a half of waiting on the wall clock. The store build has no such hook:
// its clock is Date.now and nothing can move it.

declare global {
  interface ImportMetaEnv {
    /** Set by wxt.config.ts in the demo build only. */
    readonly REGULARS_TEST_CLOCK?: boolean;
  }
}

export interface BackgroundClock {
  now(): number;
  /** The wall-clock time at which this clock reads `at` (what chrome.alarms is given). */
  toWall(at: number): number;
}

/** What a test evaluates in the demo build's service worker: `regularsTestClock.moveTo(at)`. */
export interface TestClockHook {
  now(): number;
  /** Moves the clock forward to `at` (never back) and lets the scheduler set its alarm again. */
  moveTo(at: number): Promise<void>;
}

const wall: BackgroundClock = { now: () => Date.now(), toWall: (at) => at };

/** Date.now, or in the demo build a clock the tests can move forward (`onMoved` runs after each move). */
export function backgroundClock(onMoved: () => Promise<unknown>): BackgroundClock {
  if (!import.meta.env.REGULARS_TEST_CLOCK) return wall;
  let offset = 0;
  const clock: BackgroundClock = { now: () => Date.now() + offset, toWall: (at) => at - offset };
  const hook: TestClockHook = {
    now: clock.now,
    async moveTo(at) {
      offset = Math.max(offset, at - Date.now());
      await onMoved();
    },
  };
  (globalThis as { regularsTestClock?: TestClockHook }).regularsTestClock = hook;
  return clock;
}
