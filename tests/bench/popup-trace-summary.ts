// Reads a trace written with BENCH_POPUP_TRACE (tests/bench/popup-trace.ts): for each popup open,
// what its main thread ran from asking for Today to drawing the first frame, event by event
// (≥ MIN ms), in ms from asking; BEFORE_MS starts each open's list that long before it asked (what
// loading the page cost before its script ran).
//   npx tsx tests/bench/popup-trace-summary.ts FILE [MIN_MS] [BEFORE_MS]
import { readFileSync } from 'node:fs';

type Ev = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> };
const file = process.argv[2]!;
const min = Number(process.argv[3] ?? 1) * 1000;
const before = Number(process.argv[4] ?? 0) * 1000;
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: Ev[] } | Ev[];
const events = Array.isArray(raw) ? raw : raw.traceEvents!;
// Every page of the extension runs in one renderer process: its opens follow each other on its
// main thread, each from its own today-asked mark.
const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('regulars:')).sort((a, b) => a.ts - b.ts);
const byOpen = new Map<string, Map<string, number>>();
const opens = new Map<string, number>();
for (const m of marks) {
  const thread = `${m.pid}:${m.tid}`;
  if (m.name === 'regulars:today-asked') opens.set(thread, (opens.get(thread) ?? 0) + 1);
  const key = `${thread}:${opens.get(thread) ?? 0}`;
  if (!byOpen.has(key)) byOpen.set(key, new Map());
  const seen = byOpen.get(key)!;
  if (!seen.has(m.name)) seen.set(m.name, m.ts);
}
const detail = (e: Ev) => {
  const data = (e.args?.data ?? e.args?.beginData) as Record<string, unknown> | undefined;
  const what = data?.url ?? data?.fileName ?? data?.functionName ?? data?.name;
  return typeof what === 'string' && what ? ` ${what.replace(/^chrome-extension:\/\/[a-z]+/, '')}` : '';
};
for (const [key, seen] of byOpen) {
  const [pid, tid] = key.split(':').map(Number);
  const asked = seen.get('regulars:today-asked');
  const end = seen.get('regulars:first-frame-drawn') ?? seen.get('regulars:today-answered');
  if (asked === undefined || end === undefined) continue;
  const rel = (ts: number) => ((ts - asked) / 1000).toFixed(1).padStart(6);
  console.log(`\n=== open ${key}: ${[...seen].map(([n, ts]) => `${n.slice(9)} ${rel(ts).trim()}`).join(', ')}`);
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && (e.dur ?? 0) >= min && e.ts + (e.dur ?? 0) > asked - before && e.ts < end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: number[] = [];
  for (const e of own) {
    while (stack.length && stack.at(-1)! <= e.ts) stack.pop();
    console.log(`${rel(e.ts)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)} ${'  '.repeat(stack.length)}${e.name}${detail(e)}`);
    stack.push(e.ts + (e.dur ?? 0));
  }
}
