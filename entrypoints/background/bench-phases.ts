// The bench build only (REGULARS_BENCH=1): where this worker spends an import's time, summed per
// phase, for tests/bench to read off the service worker (globalThis.regularsImportPhases).
import { onImportPhase } from '@/lib/background/import/phases';
import { laneJobsWaiting, onLaneJob, type LaneJob } from '@/lib/background/lane';
import type { SenderInfo } from '@/lib/messaging/router';

declare global {
  interface ImportMetaEnv {
    /** Set by wxt.config.ts in the bench build only. */
    readonly REGULARS_BENCH?: boolean;
  }
}

type Route = (message: unknown, sender: SenderInfo) => Promise<unknown>;

/** Sums the import's phases, and each message's whole time in the router (validation and handler), under `route.<name>`. */
export function benchPhases(route: Route): Route {
  const phases: Record<string, number> = {};
  const add = (phase: string, ms: number) => (phases[phase] = (phases[phase] ?? 0) + ms);
  onImportPhase(add);
  (globalThis as unknown as { regularsImportPhases: unknown }).regularsImportPhases = {
    read: () => ({ ...phases }),
    reset: () => {
      for (const key of Object.keys(phases)) delete phases[key];
    },
  };
  // Every lane's jobs (and the timed background work), in epoch milliseconds: how long the
  // background stays busy after an import, and on what (tests/bench reads globalThis.regularsLaneJobs).
  const jobs: LaneJob[] = [];
  const epoch = (t: number) => performance.timeOrigin + t;
  onLaneJob((job) => jobs.length < 100_000 && jobs.push({ lane: job.lane, queuedAt: epoch(job.queuedAt), start: epoch(job.start), end: epoch(job.end) }));
  (globalThis as unknown as { regularsLaneJobs: unknown }).regularsLaneJobs = {
    read: (since = 0) => ({ jobs: jobs.filter((j) => j.end >= since), waiting: laneJobsWaiting(), now: epoch(performance.now()) }),
    reset: () => void jobs.splice(0),
  };
  // Each page message's arrival and answer (epoch ms) beside the page's url: how a popup's round
  // trip splits into the way here, the handler, and the way back (tests/bench/popup-open.ts).
  const messages: { name: string; url: string | undefined; arrived: number; answered: number }[] = [];
  (globalThis as unknown as { regularsMessageTimes: unknown }).regularsMessageTimes = {
    read: (url: string) => messages.filter((m) => m.url === url),
  };
  return async (message, sender) => {
    const name = (message as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && !name.startsWith('orders.') && messages.length < 10_000) {
      const arrived = epoch(performance.now());
      const answer = await route(message, sender);
      messages.push({ name, url: sender.url, arrived, answered: epoch(performance.now()) });
      return answer;
    }
    if (typeof name !== 'string' || !name.startsWith('orders.')) return route(message, sender);
    const t = performance.now();
    try {
      return await route(message, sender);
    } finally {
      add(`route.${name}`, performance.now() - t);
    }
  };
}
