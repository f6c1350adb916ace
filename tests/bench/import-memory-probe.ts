// Where an import's memory sits, for the memory work of issue 19 (not part of `npm run bench`): one
// import of a generated Shopify export of MB megabytes through the options page, sampling every half
// second the whole browser's PSS per process and the JS heap of each isolate in the extension's
// renderer (the background service worker, the options page and its import worker), which
// the PSS alone cannot split. With a second argument, a sampling heap profile of the service worker
// taken at its highest heap is written there: the allocation sites of what was live then (readable
// names with a bench build made with REGULARS_NOMINIFY=1).
// Usage: REGULARS_BENCH=1 [REGULARS_NOMINIFY=1] npx wxt build && tsx tests/bench/import-memory-probe.ts MB [profile.json]
// (PROBE_EXTENSION_DIR=<dir>/chrome-mv3: another build, made with REGULARS_OUT_DIR=<dir>, e.g. the baseline beside a change;
// PROBE_RAW_FLOOR=1: then the floor, every record the store holds written with raw IndexedDB: raw-floor-probe.ts).
import { writeFile } from 'node:fs/promises';
import WebSocket from 'ws';
import { BENCH_DIR, round } from './common';
import { memoryInfra } from './memory-infra';
import { rawFloor } from './raw-floor-probe';
import { chromiumTreePssByProcess } from './rss';
import { importThroughOptions, runProbe, withExportAndBrowser } from './probe-launch';

const MB = Number(process.argv[2] ?? 30);
const PROFILE_OUT = process.argv[3];
/** Seconds sampled after the import reports done: the keepers save after a 15 s pause, then the sweep and report run. */
const AFTER_S = Number(process.env.PROBE_AFTER_S ?? 45);
const PROFILE_AFTER = !!process.env.PROBE_PROFILE_AFTER;

function cdp(url: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 31 });
  let id = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  const sessions = new Map<string, string>();
  ws.on('message', (data) => {
    type Attached = { sessionId: string; targetInfo: { type: string; url: string } };
    type Message = { id?: number; result?: unknown; error?: unknown; method?: string; params?: Attached };
    const msg = JSON.parse(String(data)) as Message;
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
    if (msg.id !== undefined) waiting.delete(msg.id);
    if (msg.method === 'Target.attachedToTarget') sessions.set(msg.params!.sessionId, `${msg.params!.targetInfo.type} ${msg.params!.targetInfo.url.split('/').pop()}`);
    if (msg.method === 'Target.detachedFromTarget') sessions.delete(msg.params!.sessionId);
  });
  const open = new Promise((r) => ws.once('open', r));
  return {
    open,
    sessions,
    send: <T>(method: string, params: object = {}, sessionId?: string) =>
      new Promise<T>((resolve) => {
        const n = ++id;
        waiting.set(n, resolve as (v: unknown) => void);
        ws.send(JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) }));
        // A worker that ended as it was asked may never answer: the sampler goes on without it.
        setTimeout(() => waiting.get(n)?.({ error: 'no answer' } as unknown as T), 30_000).unref();
      }),
    close: () => ws.close(),
  };
}

type Target = { type: string; url: string; webSocketDebuggerUrl: string };
const targetsAt = async (port: string | undefined) => (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Target[];

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** What was live, by where it was allocated: the innermost frame of the extension's own code (else a built-in), in MB. */
function liveBySite(head: ProfileNode): [string, number][] {
  const sites = new Map<string, number>();
  const walk = (node: ProfileNode, stack: ProfileNode['callFrame'][]) => {
    const frames = [...stack, node.callFrame];
    if (node.selfSize) {
      const own = frames.findLast((f) => f.url.startsWith('chrome-extension://') && f.functionName);
      const f = own ?? node.callFrame;
      const site = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      sites.set(site, (sites.get(site) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, frames);
  };
  walk(head, []);
  return [...sites].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => [k, round(v / 1e6)]);
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const mb = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v / 1e6)]));

const main = () =>
  withExportAndBrowser('regulars-probe', MB, process.env.PROBE_EXTENSION_DIR ?? BENCH_DIR, async ({ ext, file, bytes, orders, userDataDir, port }) => {
    const sw = (await targetsAt(port)).find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId))!;
    const worker = cdp(sw.webSocketDebuggerUrl);
    await worker.open;
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.waitForTimeout(2000);
    const optionsTarget = cdp((await targetsAt(port)).find((t) => t.type === 'page' && t.url.includes('options.html'))!.webSocketDebuggerUrl);
    await optionsTarget.open;
    await optionsTarget.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    // Each isolate's heap in use, and (PROBE_TOTALS=1) beside it the heap it holds: `name/total`.
    const totals = !!process.env.PROBE_TOTALS;
    const heaps = async () => {
      const out: Record<string, number> = {};
      const read = async (name: string, sid?: string) => {
        const usage = await optionsTarget.send<{ usedSize?: number; totalSize?: number; backingStorageSize?: number }>('Runtime.getHeapUsage', {}, sid);
        out[name] = usage.usedSize ?? 0;
        if (totals) out[`${name}/total`] = usage.totalSize ?? 0;
        // The isolate's array buffers and external strings (outside its heap): `name/ab`.
        if (totals && usage.backingStorageSize !== undefined) out[`${name}/ab`] = usage.backingStorageSize;
      };
      await read('page');
      for (const [sid, name] of optionsTarget.sessions) await read(name, sid);
      return out;
    };
    const peakHeaps: Record<string, number> = {};
    // PROBE_DUMPS=1: Chromium's memory-infra dumps (per allocator) at idle and at each new high, at most every PROBE_DUMP_S seconds.
    const infra = process.env.PROBE_DUMPS ? await memoryInfra(((await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string }).webSocketDebuggerUrl) : undefined;
    const dumpEvery = Number(process.env.PROBE_DUMP_S ?? 8) * 1000;
    let lastDump = 0;
    let dumpedAt = 0;
    await worker.send('HeapProfiler.collectGarbage');
    const idle = chromiumTreePssByProcess(userDataDir);
    // Anonymous and shared-memory pages only: the file pages (Chromium's code) a reclaimer drops from an idle browser come back as it works.
    const ANON = ['Pss_Anon', 'Pss_Shmem'];
    const idleAnon = sum(chromiumTreePssByProcess(userDataDir, ANON));
    let peakAnon = 0;
    await infra?.dump('idle');
    const idleHeap = await worker.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    if (PROFILE_OUT) await worker.send('HeapProfiler.startSampling', { samplingInterval: 65536 });
    let peak = 0;
    let peakBy: Record<string, number> = {};
    let peakHeap = 0;
    let afterPeakHeap = 0;
    let peakTotal = 0;
    let peakAt = 0;
    /** The highest while the import ran (before it reported done). */
    let importPeak = 0;
    /** When the import reported done (undefined while it runs). */
    const done: { at?: number } = {};
    let profile: unknown;
    let sampling = true;
    const t0 = Date.now();
    const timeline: string[] = [];
    const sampler = (async () => {
      while (sampling) {
        const by = chromiumTreePssByProcess(userDataDir);
        const heap = await worker.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
        if (sum(by) > peak) [peak, peakBy, peakAt] = [sum(by), by, Date.now() - t0];
        const anon = sum(chromiumTreePssByProcess(userDataDir, ANON));
        peakAnon = Math.max(peakAnon, anon);
        if (infra && sum(by) > dumpedAt + 20e6 && Date.now() - lastDump > dumpEvery) {
          [dumpedAt, lastDump] = [sum(by), Date.now()];
          await infra.dump(`${((Date.now() - t0) / 1000).toFixed(1)}s${done.at === undefined ? '' : '+'} above_idle=${round((sum(by) - sum(idle)) / 1e6)}`);
        }
        if (done.at === undefined) importPeak = Math.max(importPeak, sum(by));
        const h = await heaps();
        for (const [k, v] of Object.entries(h)) peakHeaps[k] = Math.max(peakHeaps[k] ?? 0, v);
        peakTotal = Math.max(peakTotal, heap.totalSize ?? 0);
        if ((heap.usedSize ?? 0) > peakHeap) {
          peakHeap = heap.usedSize;
          if (PROFILE_OUT && !PROFILE_AFTER && peakHeap > 1.3 * (idleHeap.usedSize + 50e6)) profile = await worker.send('HeapProfiler.getSamplingProfile');
        }
        // PROBE_PROFILE_AFTER=1: the profile at the highest heap after the import reported done (the session's end, the keepers' saves).
        if (PROFILE_OUT && PROFILE_AFTER && done.at !== undefined && (heap.usedSize ?? 0) > afterPeakHeap) {
          afterPeakHeap = heap.usedSize;
          profile = await worker.send('HeapProfiler.getSamplingProfile');
        }
        // The extension's renderer (the largest) and the browser process (IndexedDB's backend) apart from the rest.
        const renderer = Math.max(...Object.entries(by).filter(([k]) => k.startsWith('renderer')).map(([, v]) => v));
        timeline.push(`${((Date.now() - t0) / 1000).toFixed(1)}s${done.at === undefined ? '' : '+'} above_idle=${round((sum(by) - sum(idle)) / 1e6)} anon=${round((anon - idleAnon) / 1e6)} renderer=${round(renderer / 1e6)} browser=${round((by.browser ?? 0) / 1e6)} sw_used=${round(heap.usedSize / 1e6)} sw_total=${round(heap.totalSize / 1e6)} ${Object.entries(h).map(([k, v]) => `${k}=${round(v / 1e6)}`).join(' ')}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    await importThroughOptions(page, file);
    const ms = Date.now() - t0;
    done.at = ms;
    await page.waitForTimeout(AFTER_S * 1000);
    sampling = false;
    await sampler;
    await page.waitForTimeout(3000);
    await worker.send('HeapProfiler.collectGarbage');
    const after = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
    if (PROFILE_OUT && profile) {
      await writeFile(PROFILE_OUT, JSON.stringify(profile));
      console.log(JSON.stringify({ probe: 'service-worker-live-at-peak-by-site-mb', sites: liveBySite((profile as { profile: { head: ProfileNode } }).profile.head) }));
    }
    if (infra) {
      const big = (split: Record<string, number>) => (split['(private footprint)'] ?? 0) > 100;
      for (const { label, byProcess } of await infra.end(Number(process.env.PROBE_DUMP_DEPTH ?? 3))) {
        for (const [pid, split] of Object.entries(byProcess)) {
          if (big(split)) console.log(JSON.stringify({ dump: label, pid, mb: Object.fromEntries(Object.entries(split).slice(0, 18)) }));
        }
      }
    }
    console.log(timeline.filter((_, i) => i % Number(process.env.PROBE_EVERY ?? 4) === 0).join('\n'));
    console.log(
      JSON.stringify({
        probe: 'import-memory',
        file_mb: round(bytes / 1e6),
        orders,
        ms,
        // When the peak was: before `ms` during the import, after it the keepers' saves, the sweep and the report.
        peak_at_s: round(peakAt / 1000),
        above_idle_mb: round((peak - sum(idle)) / 1e6),
        import_above_idle_mb: round((importPeak - sum(idle)) / 1e6),
        // The same without file pages (see ANON): steadier on a machine that reclaims idle pages.
        anon_above_idle_mb: round((peakAnon - idleAnon) / 1e6),
        idle_mb: mb(idle),
        peak_mb: mb(peakBy),
        sw_idle_used_mb: round(idleHeap.usedSize / 1e6),
        sw_peak_used_mb: round(peakHeap / 1e6),
        sw_peak_total_mb: round(peakTotal / 1e6),
        page_peak_heaps_mb: mb(peakHeaps),
        sw_after_gc_used_mb: round(after.usedSize / 1e6),
      }),
    );
    worker.close();
    if (process.env.PROBE_RAW_FLOOR) {
      // The same records written with raw IndexedDB, in the same run: the floor beside the figure above.
      await ext.close();
      console.log(JSON.stringify(await rawFloor(process.env.PROBE_EXTENSION_DIR ?? BENCH_DIR, userDataDir)));
    }
  });

runProbe(main);
