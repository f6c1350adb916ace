// Chromium's own account of where a process's memory is (its memory-infra dumps, as chrome://tracing
// shows them): per allocator (malloc, partition_alloc's partitions, each V8 isolate's heap and its
// array buffers, Blink's GC heap, IndexedDB's and the blob registry's buffers, LevelDB, Skia…). The
// JS heaps the probe reads with Runtime.getHeapUsage are one line of it; this splits the rest.
// Through the browser's DevTools endpoint: tracing runs for the whole probe and a dump is asked
// for on demand; each dump is summed per process and per allocator at a chosen depth.
import { browserTrace } from './devtools';

/** One allocator's figure in a dump: the `size` attribute (bytes, hex). */
interface AllocatorDump {
  attrs?: { size?: { value: string }; effective_size?: { value: string } };
}
interface DumpEvent {
  ph: string;
  pid: number;
  ts?: number;
  name?: string;
  id?: string;
  args?: { dumps?: { allocators?: Record<string, AllocatorDump>; process_totals?: Record<string, string> } };
}

/** Families of many small rows named by hashes: left out. */
const NOISE = /\/__|^global\/|^shared_memory\/|^parkable_strings\/|^discardable\//;

/** Sizes by allocator, summed at `depth` parts of its name (e.g. depth 2: "partition_alloc/partitions"). */
export type ProcessSplit = Record<string, number>;

export async function memoryInfra(browserWsUrl: string) {
  const trace = await browserTrace<DumpEvent>(browserWsUrl, {
    recordMode: 'recordAsMuchAsPossible',
    includedCategories: ['disabled-by-default-memory-infra'],
    excludedCategories: ['*'],
    memoryDumpConfig: { triggers: [] },
  });
  const send = trace.send;
  const dumps: { label: string }[] = [];
  return {
    /** Asks every process for a dump now (`label` names it in the summary). */
    async dump(label: string, levelOfDetail: 'light' | 'detailed' = 'light') {
      const r = await send<{ success?: boolean; error?: unknown }>('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail });
      if (r.success) dumps.push({ label });
      else console.warn(`memory dump "${label}" failed: ${JSON.stringify(r)}`);
    },
    /** Ends tracing; per dump, per process: the allocators' sizes in MB at `depth`, the largest first. */
    async end(depth = 2): Promise<{ label: string; byProcess: Record<number, ProcessSplit> }[]> {
      const events = (await trace.end()).filter((e) => e.ph === 'v');
      // The trace names the dumps by ids of its own (not the guids asked for): the n-th id in time is the
      // n-th dump asked for. Not the n-th id seen: the events come in per process, and a process that
      // started mid-run (a worker's, a utility) reports its first dump's id before the older ones.
      const firstTs = new Map<string | undefined, number>();
      for (const e of events) firstTs.set(e.id, Math.min(firstTs.get(e.id) ?? Infinity, e.ts ?? Infinity));
      const ids = [...firstTs.keys()].sort((a, b) => firstTs.get(a)! - firstTs.get(b)!);
      if (ids.length !== dumps.length) console.warn(`memory dumps: ${dumps.length} asked for, ${ids.length} in the trace`);
      return dumps.map(({ label }, n) => {
        const byProcess: Record<number, ProcessSplit> = {};
        for (const e of events) {
          const totals = e.id === ids[n] ? e.args?.dumps?.process_totals : undefined;
          const footprint = totals?.private_footprint_bytes;
          if (footprint) (byProcess[e.pid] ??= {})['(private footprint)'] = Math.round(parseInt(footprint, 16) / 1e5) / 10;
          if (e.id !== ids[n] || !e.args?.dumps?.allocators) continue;
          const split = (byProcess[e.pid] ??= {});
          for (const [name, dump] of Object.entries(e.args.dumps.allocators)) {
            const parts = name.split('/');
            // Only the allocators' own rows at `depth` (or shallower leaves): their children are inside them.
            if (parts.length > depth || NOISE.test(name)) continue;
            const size = dump.attrs?.size?.value;
            if (!size) continue;
            const hasDeeper = parts.length < depth && Object.keys(e.args.dumps.allocators).some((n) => n.startsWith(`${name}/`) && n.split('/').length <= depth);
            if (hasDeeper) continue;
            split[name] = Math.round(parseInt(size, 16) / 1e5) / 10;
          }
        }
        for (const pid of Object.keys(byProcess)) {
          const sorted = Object.entries(byProcess[Number(pid)]!).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]);
          byProcess[Number(pid)] = Object.fromEntries(sorted);
        }
        return { label, byProcess };
      });
    },
  };
}
