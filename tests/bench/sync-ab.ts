// BENCH_ONLY=sync BENCH_SYNC_AB_DIR=DIR: the initial sync of two bench builds (this one, and one built
// with REGULARS_BENCH=1 REGULARS_OUT_DIR=DIR) on one seeded team database, each join in a fresh
// profile, in turns ABBA... (BENCH_SYNC_AB_ROUNDS, 2 unless set): seeding costs more than a join, and
// the load of a shared machine drifts more between two runs than most changes move a join. The raw
// baseline (_changes read plus raw IndexedDB puts) is taken in the first browser and in the last.
import path from 'node:path';
import { CATCH_UP_BATCH } from '../../lib/background/sync/engine';
import { launchWithExtension } from '../support/extension';
import { BENCH_DIR, emit, lowerMedian, round } from './common';
import { join } from './sync-join';
import { AGENTS, seedTeam, TEAM_DB } from './sync-seed';
import { startBenchCouch, type BenchCouch } from './sync-server';

type Phases = { read(): Record<string, number>; reset(): void };

async function joinWith(dir: string, server: BenchCouch, raw: boolean) {
  const ext = await launchWithExtension({ extensionDir: dir });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const baseline = [server.url, TEAM_DB, AGENTS[1], CATCH_UP_BATCH] as const;
    const rawMs = raw ? (await page.evaluate(([url, db, user, batch]) => regularsBench.rawChangesAndPuts(url, db, user, batch), baseline)).ms : undefined;
    await ext.serviceWorker.evaluate(() => (globalThis as unknown as { regularsImportPhases: Phases }).regularsImportPhases.reset());
    // The reminders' hourly sweep falling due mid-join, as in a join that outlasts the hour: the demo
    // clock moves two hours on, and the scheduler runs as its alarm would.
    const sweepAt = process.env.BENCH_SYNC_SWEEP_AT_MS;
    const hourUp = async () => ext.serviceWorker.evaluate(() => {
      const clock = (globalThis as unknown as { regularsTestClock: { now(): number; moveTo(at: number): Promise<void> } }).regularsTestClock;
      return clock.moveTo(clock.now() + 2 * 3_600_000).then(() => 2 * 3_600_000);
    });
    const joined = await join(page, server, sweepAt ? { atMs: Number(sweepAt), run: hourUp } : undefined);
    const phases = await ext.serviceWorker.evaluate(() => (globalThis as unknown as { regularsImportPhases: Phases }).regularsImportPhases.read());
    return { ms: joined.ms, peakWaiting: joined.peakWaiting, rawMs, phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])) };
  } finally {
    await ext.close();
  }
}

export async function syncJoinAb(members: number, otherOut: string): Promise<void> {
  const builds = [['this', path.resolve(BENCH_DIR)], ['other', path.resolve(otherOut, 'chrome-mv3')]] as const;
  const rounds = Number(process.env.BENCH_SYNC_AB_ROUNDS ?? 2);
  const server = await startBenchCouch();
  try {
    const seeded = await seedTeam(server, members);
    emit({ bench: 'sync-ab-seed', members, documents: seeded.documents, ms: Math.round(seeded.ms) });
    const times = new Map<string, number[]>(builds.map(([name]) => [name, []]));
    const raws: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [...builds].reverse() : builds;
      for (const [i, [name, dir]] of order.entries()) {
        const first = r === 0 && i === 0;
        const last = r === rounds - 1 && i === order.length - 1;
        const one = await joinWith(dir, server, first || last);
        if (one.rawMs !== undefined) raws.push(one.rawMs);
        times.get(name)!.push(one.ms);
        emit({ bench: 'sync-ab-join', members, build: name, round: r, ms: one.ms, peak_waiting: one.peakWaiting, raw_changes_and_puts_ms: one.rawMs && Math.round(one.rawMs), phases_ms: one.phases });
      }
    }
    const [a, b] = builds.map(([name]) => times.get(name)!);
    emit({
      bench: 'sync-ab',
      members,
      documents: seeded.documents,
      this_ms: a,
      other_ms: b,
      this_median_ms: lowerMedian(a!),
      other_median_ms: lowerMedian(b!),
      ratio_this_vs_other_by_round: a!.map((ms, i) => round(ms / b![i]!)),
      raw_changes_and_puts_ms: raws.map(Math.round),
      note: 'one seeded pouchdb-server; each join a fresh Chromium profile, ABBA; raw baseline in the first and last browser',
    });
  } finally {
    await server.stop();
  }
}
