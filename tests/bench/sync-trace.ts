// Where the browser spends a team join (issue 15, not part of `npm run bench`): one join of a seeded
// team database of MEMBERS members (5 documents each) into a fresh profile, traced by Chromium
// (IndexedDB's own events and every thread's top-level tasks), summed per process, thread and event:
// the busiest first. What the IndexedDB backend does between and during the worker's transactions.
// Usage: REGULARS_BENCH=1 npx wxt build && tsx tests/bench/sync-trace.ts [MEMBERS=20000]
// (TRACE_EXTENSION_DIR=<dir>/chrome-mv3: another build; TRACE_KEEP=FILE: the trace's events kept as JSON.)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../support/extension';
import { BENCH_DIR, round } from './common';
import { browserTrace } from './devtools';
import { runProbe } from './probe-launch';
import { join } from './sync-join';
import { seedTeam } from './sync-seed';
import { startBenchCouch } from './sync-server';

const MEMBERS = Number(process.argv[2] ?? 20_000);
const CATEGORIES = ['IndexedDB', 'leveldb', 'sql', 'toplevel', 'mojom', 'v8.execute'];

interface TraceEvent {
  ph: string;
  pid: number;
  tid: number;
  name: string;
  cat: string;
  dur?: number;
  args?: { name?: string };
}

/** Complete events' time summed per process, thread and name (nested events count in their own line too). */
function summary(events: TraceEvent[]) {
  const threads = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '?');
  }
  const sums = new Map<string, [number, number]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${processes.get(e.pid) ?? e.pid} | ${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} | ${e.cat} | ${e.name}`;
    const s = sums.get(key) ?? [0, 0];
    sums.set(key, [s[0] + e.dur / 1000, s[1] + 1]);
  }
  return [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, Number(process.env.TRACE_TOP ?? 60)).map(([k, [ms, n]]) => ({ ms: round(ms), n, what: k }));
}

runProbe(async () => {
  const extensionDir = process.env.TRACE_EXTENSION_DIR ?? BENCH_DIR;
  const server = await startBenchCouch();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'regulars-trace-profile-'));
  const ext = await launchWithExtension({ extensionDir, userDataDir, extraArgs: ['--remote-debugging-port=0'] });
  try {
    await seedTeam(server, MEMBERS);
    const port = (await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]!;
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const trace = await browserTrace<TraceEvent>(version.webSocketDebuggerUrl, { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES, excludedCategories: ['*'] });
    const joined = await join(page, server);
    const events = await trace.end();
    if (process.env.TRACE_KEEP) await writeFile(process.env.TRACE_KEEP, JSON.stringify(events));
    console.log(JSON.stringify({ probe: 'sync-trace', members: MEMBERS, join_ms: joined.ms, events: events.length }));
    for (const line of summary(events)) console.log(JSON.stringify(line));
  } finally {
    await ext.close();
    await server.stop();
    await rm(userDataDir, { recursive: true, force: true });
  }
  process.exit(0); // the team server's in-memory databases keep timers of their own
});
