// How long the background stays busy after a moment (the seed's end), and on what: read off the
// service worker's record of every lane's jobs and timed background work (bench build only,
// entrypoints/background/bench-phases.ts). Times are epoch milliseconds in both contexts.
import type { Worker } from '@playwright/test';
import type { LaneJob } from '../../lib/background/lane';

interface LaneJobs {
  read(since?: number): { jobs: LaneJob[]; waiting: number; now: number };
}

export const readJobs = (worker: Worker, since: number) =>
  worker.evaluate((from) => (globalThis as unknown as { regularsLaneJobs: LaneJobs }).regularsLaneJobs.read(from), since);

/** The jobs that ended after `since`, once every lane has been idle for `quietMs` (or `timeoutMs` passed). */
export async function jobsUntilQuiet(worker: Worker, since: number, quietMs = 5000, timeoutMs = 180_000): Promise<LaneJob[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { jobs, waiting, now } = await readJobs(worker, since);
    const lastEnd = Math.max(since, ...jobs.map((j) => j.end));
    if ((waiting === 0 && now - lastEnd >= quietMs) || Date.now() > deadline) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const round = (n: number) => Math.round(n);

/**
 * From `since`: when the last job ended (the background's busy time), and per lane the time its jobs
 * ran (summed) and when its last one ended. 'report' includes 'report.gather' (waiting for the
 * facts and the ledger to take the writes before it); 'reminders' includes the sweep's phases ('sweep.read…', 'sweep.store', …).
 */
export function busySummary(jobs: readonly LaneJob[], since: number) {
  const after = jobs.filter((j) => j.end >= since);
  const lanes: Record<string, { jobs: number; ran_ms: number; last_end_ms: number }> = {};
  for (const j of after) {
    const lane = (lanes[j.lane] ??= { jobs: 0, ran_ms: 0, last_end_ms: 0 });
    lane.jobs++;
    lane.ran_ms += j.end - Math.max(j.start, since);
    lane.last_end_ms = Math.max(lane.last_end_ms, j.end - since);
  }
  for (const lane of Object.values(lanes)) {
    lane.ran_ms = round(lane.ran_ms);
    lane.last_end_ms = round(lane.last_end_ms);
  }
  return { busy_ms: round(Math.max(0, ...after.map((j) => j.end - since))), lanes };
}

/** The time the named jobs ran inside [from, to] (their overlap with it). */
export function ranWithin(jobs: readonly LaneJob[], lane: string, from: number, to: number): number {
  return round(jobs.filter((j) => j.lane === lane).reduce((sum, j) => sum + Math.max(0, Math.min(j.end, to) - Math.max(j.start, from)), 0));
}

/** Per lane, the time its jobs ran inside [from, to], leaving out the lanes named `without…` (e.g. a job's own phases). */
export function lanesWithin(jobs: readonly LaneJob[], from: number, to: number, without: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const lane of new Set(jobs.map((j) => j.lane))) {
    if (lane.startsWith(without)) continue;
    const ms = ranWithin(jobs, lane, from, to);
    if (ms > 0) out[lane] = ms;
  }
  return out;
}
