// Where the background's service worker allocates, for the memory work of issue 19 (not part of
// `npm run bench`): one import of a generated Shopify export of MB megabytes through the options
// page, and V8's allocation sampling of the service worker from ALLOC_FROM to ALLOC_TO (seconds from
// the start, or after the import reported done with a leading "+"), collected objects included:
// the bytes allocated, by function and by its last six callers.
// Usage: REGULARS_BENCH=1 REGULARS_NOMINIFY=1 npx wxt build && ALLOC_FROM=+0 ALLOC_TO=+40 tsx tests/bench/import-alloc-sample.ts MB
// (SNAPSHOT_EXTENSION_DIR=<dir>/chrome-mv3: another build.)
import { BENCH_DIR, round } from './common';
import { runProbe, withExportAndBrowser } from './probe-launch';
import { connect } from './devtools';

const MB = Number(process.argv[2] ?? 30);

const FROM = process.env.ALLOC_FROM ?? '+0';
const TO = process.env.ALLOC_TO ?? '+40';
type PNode = { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; selfSize: number; children: PNode[] };
const main = () =>
  withExportAndBrowser('regulars-alloc', MB, process.env.SNAPSHOT_EXTENSION_DIR ?? BENCH_DIR, async ({ ext, file, orders, port }) => {
    const list = async () => (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
    const sw = connect((await list()).find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId))!.webSocketDebuggerUrl);
    await sw.open;
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.waitForTimeout(2000);
    const t0 = Date.now();
    let done = false;
    let doneAt = 0;
    const due = (at: string) => (at.startsWith('+') ? done && Date.now() - doneAt >= Number(at.slice(1)) * 1000 : done || Date.now() - t0 >= Number(at) * 1000);
    const sampled = (async () => {
      while (!due(FROM)) await new Promise((r) => setTimeout(r, 100));
      await sw.send('HeapProfiler.enable');
      await sw.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      console.log(JSON.stringify({ started_s: round((Date.now() - t0) / 1000) }));
      while (!due(TO)) await new Promise((r) => setTimeout(r, 100));
      const { profile } = await sw.send<{ profile: { head: PNode } }>('HeapProfiler.stopSampling');
      console.log(JSON.stringify({ stopped_s: round((Date.now() - t0) / 1000) }));
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
    await page.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^\s*Imported/ }).first().waitFor({ timeout: 60 * 60_000 });
    console.log(JSON.stringify({ imported_s: round((Date.now() - t0) / 1000), orders }));
    [done, doneAt] = [true, Date.now()];
    await sampled;
    sw.close();
  });

runProbe(main);
