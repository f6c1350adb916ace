// Where the background's service worker spends its time during an import, for the speed work of
// issue 19 (not part of `npm run bench`): one import of a generated Shopify export of MB megabytes
// through the options page, with V8's CPU profiler on the service worker from the start until the
// import reports done. Prints the self time by function and by file, and the idle share (the worker
// waiting on IndexedDB).
// Usage: REGULARS_BENCH=1 REGULARS_NOMINIFY=1 npx wxt build && tsx tests/bench/import-cpu-profile.ts MB
// (SNAPSHOT_EXTENSION_DIR=<dir>/chrome-mv3: another build.)
import { BENCH_DIR, round } from './common';
import { importThroughOptions, runProbe, withExportAndBrowser } from './probe-launch';
import { probeTargets } from './devtools';

const MB = Number(process.argv[2] ?? 30);

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

const main = () =>
  withExportAndBrowser('regulars-cpu', MB, process.env.SNAPSHOT_EXTENSION_DIR ?? BENCH_DIR, async ({ ext, file, orders, port }) => {
    const { sw, page } = await probeTargets(ext, port);
    await sw.send('Profiler.enable');
    await sw.send('Profiler.setSamplingInterval', { interval: 1000 });
    await sw.send('Profiler.start');
    const t0 = Date.now();
    await importThroughOptions(page, file);
    const ms = Date.now() - t0;
    const { profile } = await sw.send<{ profile: CpuProfile }>('Profiler.stop');
    sw.close();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const byFile = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)!;
      const dt = profile.timeDeltas[i] ?? 0;
      total += dt;
      const f = node.callFrame;
      const file = f.url.split('/').pop() || f.functionName;
      const key = `${f.functionName || '(anon)'}@${file}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
    });
    console.log(JSON.stringify({ probe: 'import-sw-cpu', orders, import_ms: ms, profiled_ms: round(total / 1000) }));
    for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log('FILE', round(v / 1000), k);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log('SELF', round(v / 1000), k);
  });

runProbe(main);
