// BENCH_ONLY=import BENCH_IMPORT_AB_DIR=<another bench build>: a fresh import of one generated
// Shopify export by this bench build and by another (built with REGULARS_BENCH=1 REGULARS_OUT_DIR=...),
// in turn (ABBA, BENCH_IMPORT_AB_ROUNDS pairs), each on a new profile, with the raw IndexedDB puts
// of what the store then holds in the same browser as its baseline. The machine's load drifts from
// minute to minute: two builds timed in two runs differ by more than most changes move an import.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../support/extension';
import { BENCH_DIR, emit, lowerMedian, round } from './common';
import { benchPage, importOnce } from './import-file';
import { writeShopifyExport } from './shopify';

interface Run {
  ms: number;
  rawMs: number;
  phases: Record<string, number>;
}

async function oneImport(extensionDir: string, file: string): Promise<Run> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'regulars-bench-profile-'));
  try {
    const ext = await launchWithExtension({ extensionDir, userDataDir });
    try {
      const fresh = await importOnce(ext, userDataDir, file);
      const bench = await benchPage(ext.context, ext.extensionId);
      const raw = await bench.evaluate(() => regularsBench.rawPutOfStore());
      return { ms: fresh.ms, rawMs: raw.ms, phases: fresh.phases };
    } finally {
      await ext.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
}

export async function importAbBench(otherDir: string, orders: number, members: number) {
  const rounds = Number(process.env.BENCH_IMPORT_AB_ROUNDS ?? 2);
  const dirs = [path.resolve(BENCH_DIR), path.resolve(otherDir)];
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-bench-import-'));
  try {
    const file = path.join(dir, 'orders_export.csv');
    const fileBytes = await writeShopifyExport(file, orders, members, Date.now());
    const runs: Run[][] = dirs.map(() => []);
    for (let i = 0; i < rounds; i++) {
      // Each build goes first every other round: neither always runs on a machine the other warmed.
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const run = await oneImport(dirs[k]!, file);
        runs[k]!.push(run);
        emit({ bench: 'import-ab-run', build: k === 0 ? 'this' : 'other', round: i, ms: run.ms, raw_put_all_records_ms: round(run.rawMs), ratio: round(run.ms / run.rawMs), load_1min: round(loadavg()[0]!) });
      }
    }
    runs.forEach((all, k) => {
      const ratios = all.map((r) => r.ms / r.rawMs);
      emit({
        bench: 'import-shopify-file-ab',
        build: k === 0 ? 'this' : 'other',
        dir: dirs[k],
        file_mb: round(fileBytes / 1e6),
        orders,
        runs: all.length,
        ms: all.map((r) => r.ms),
        median_ms: lowerMedian(all.map((r) => r.ms)),
        ratios_vs_raw_put_all_records: ratios.map(round),
        median_ratio: round(lowerMedian(ratios)),
        target_ratio: 1.3,
        // Where the time went, each phase's lower median over the runs.
        phases_ms: Object.fromEntries(Object.keys(all[0]!.phases).map((key) => [key, lowerMedian(all.map((r) => r.phases[key] ?? 0))])),
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
