// What the import's isolates hold, for the memory work of issue 19 (not part of `npm run bench`):
// one import of a generated Shopify export of MB megabytes through the options page, and at each of
// the given seconds a heap snapshot (after a full GC, so what is live) of the background's service
// worker and of every worker the options page runs then (the import worker),
// summed by constructor: the largest kinds of object, how many, and how many MB.
// Usage: REGULARS_BENCH=1 [REGULARS_NOMINIFY=1] npx wxt build && tsx tests/bench/import-heap-snapshot.ts MB S1,S2,...,+S3 (+: after the import reported done)
// (SNAPSHOT_EXTENSION_DIR=<dir>/chrome-mv3: another build; SNAPSHOT_KEEP=<dir>: the .heapsnapshot files kept there.)
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BENCH_DIR, round } from './common';
import { importThroughOptions, runProbe, withExportAndBrowser } from './probe-launch';
import { connect, probeClock, probeTargets } from './devtools';

const MB = Number(process.argv[2] ?? 30);
/** Seconds from the start, or after the import reported done with a leading "+" (e.g. 60,+15). */
const AT_S = (process.argv[3] ?? '60').split(',');
const TOP = Number(process.env.SNAPSHOT_TOP ?? 25);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self sizes summed by kind: the node's type, and its constructor or, for strings and arrays, the type alone. */
export function summary(text: string): { total_mb: number; kinds: [string, number, number][] } {
  const s = JSON.parse(text) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [T, N, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const by = new Map<string, [number, number]>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += fields.length) {
    const type = types[s.nodes[i + T!]!]!;
    const size = s.nodes[i + SIZE!]!;
    total += size;
    const named = type === 'object' || type === 'closure' || type === 'native' || type === 'hidden';
    const name = named ? `${type}:${s.strings[s.nodes[i + N!]!]!.slice(0, 60)}` : type;
    const k = by.get(name) ?? [0, 0];
    by.set(name, [k[0] + 1, k[1] + size]);
  }
  const kinds = [...by].sort((a, b) => b[1][1] - a[1][1]).slice(0, TOP).map(([k, [n, size]]) => [k, n, round(size / 1e6)] as [string, number, number]);
  return { total_mb: round(total / 1e6), kinds };
}

const main = () =>
  withExportAndBrowser('regulars-snap', MB, process.env.SNAPSHOT_EXTENSION_DIR ?? BENCH_DIR, async ({ ext, file, orders, port }) => {
    const { list, sw, page } = await probeTargets(ext, port);
    const options = connect((await list()).find((t) => t.type === 'page' && t.url.includes('options.html'))!.webSocketDebuggerUrl);
    await options.open;
    await options.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    const clock = probeClock();
    const due = clock.due;
    const shots = (async () => {
      for (const at of AT_S) {
        while (!due(at)) await new Promise((r) => setTimeout(r, 250));
        const label = `${clock.seconds()}s${clock.done() ? '+' : ''}`;
        type Target = [string, string | undefined, ReturnType<typeof connect>];
        // The page's auto-attach names the service worker too: it is taken once, first.
        const workers = [...options.sessions].filter(([, name]) => name.startsWith('worker')).map(([sid, name]): Target => [name, sid, options]);
        const targets: Target[] = [['service_worker', undefined, sw], ...workers];
        for (const [name, sid, conn] of targets) {
          const text = await conn.snapshot(sid);
          if (!text) continue;
          if (process.env.SNAPSHOT_KEEP) await writeFile(path.join(process.env.SNAPSHOT_KEEP, `${label}-${name.replace(/\W+/g, '_')}.heapsnapshot`), text);
          console.log(JSON.stringify({ snapshot: label, target: name, ...summary(text) }));
        }
        if (clock.done() && !at.startsWith('+')) break;
      }
    })();
    await importThroughOptions(page, file);
    console.log(JSON.stringify({ imported_s: clock.seconds(), orders }));
    clock.imported();
    await shots;
    sw.close();
    options.close();
  });

runProbe(main);
