// Where the background's service worker allocates, for the memory work of issue 19 (not part of
// `npm run bench`): one import of a generated Shopify export of MB megabytes through the options
// page, and V8's allocation sampling of the service worker (ALLOC_TARGET=page: of the options page,
// which asks for progress meanwhile) from ALLOC_FROM to ALLOC_TO (seconds from
// the start, or after the import reported done with a leading "+"), collected objects included:
// the bytes allocated, by function and by its last six callers.
// Usage: REGULARS_BENCH=1 REGULARS_NOMINIFY=1 npx wxt build && ALLOC_FROM=+0 ALLOC_TO=+40 tsx tests/bench/import-alloc-sample.ts MB
// (SNAPSHOT_EXTENSION_DIR=<dir>/chrome-mv3: another build.)
import { BENCH_DIR, round } from './common';
import { importThroughOptions, runProbe, withExportAndBrowser } from './probe-launch';
import { probeClock, probeTargets } from './devtools';

const MB = Number(process.argv[2] ?? 30);

const FROM = process.env.ALLOC_FROM ?? '+0';
const TO = process.env.ALLOC_TO ?? '+40';
type PNode = { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; selfSize: number; children: PNode[] };
const main = () =>
  withExportAndBrowser('regulars-alloc', MB, process.env.SNAPSHOT_EXTENSION_DIR ?? BENCH_DIR, async ({ ext, file, orders, port }) => {
    const { sw, page } = await probeTargets(ext, port);
    const pageSession = process.env.ALLOC_TARGET === 'page' ? await ext.context.newCDPSession(page) : undefined;
    const target = pageSession ? { send: <T>(method: string, params?: object) => pageSession.send(method as 'HeapProfiler.enable', params) as Promise<T> } : sw;
    const clock = probeClock();
    const due = clock.due;
    const sampled = (async () => {
      while (!due(FROM)) await new Promise((r) => setTimeout(r, 100));
      await target.send('HeapProfiler.enable');
      await target.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      console.log(JSON.stringify({ started_s: clock.seconds() }));
      while (!due(TO)) await new Promise((r) => setTimeout(r, 100));
      const { profile } = await target.send<{ profile: { head: PNode } }>('HeapProfiler.stopSampling');
      console.log(JSON.stringify({ stopped_s: clock.seconds() }));
      const self = new Map<string, number>();
      const stacks = new Map<string, number>();
      let total = 0;
      const name = (n: PNode) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
      const walk = (n: PNode, path: string[]) => {
        const here = [...path, name(n)];
        if (n.selfSize) {
          total += n.selfSize;
          self.set(name(n), (self.get(name(n)) ?? 0) + n.selfSize);
          const key = here.slice(-6).join(' < ').split(' < ').reverse().join(' < ');
          stacks.set(key, (stacks.get(key) ?? 0) + n.selfSize);
        }
        for (const c of n.children) walk(c, here);
      };
      walk(profile.head, []);
      console.log('TOTAL MB', round(total / 1e6));
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log('SELF', round(v / 1e6), k);
      for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log('STACK', round(v / 1e6), k);
    })();
    await importThroughOptions(page, file);
    console.log(JSON.stringify({ imported_s: clock.seconds(), orders }));
    clock.imported();
    await sampled;
    sw.close();
  });

runProbe(main);
