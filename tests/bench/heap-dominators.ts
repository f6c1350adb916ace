// What holds a heap snapshot's memory (import-heap-snapshot.ts keeps them with SNAPSHOT_KEEP): the
// dominator tree of its strong edges (Cooper, Harvey and Kennedy's iteration), printed from the GC
// roots down as retained MB, the edge that names each object and its constructor, for the objects
// that retain at least MIN_MB, DEPTH levels deep. A string several structures share is retained by
// none of them: it shows under the roots.
// Usage: tsx tests/bench/heap-dominators.ts FILE.heapsnapshot [MIN_MB=0.3] [DEPTH=9]
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

function dominators(s: Snapshot) {
  const { node_fields: nf, edge_fields: ef, node_types, edge_types } = s.snapshot.meta;
  const [NF, EF] = [nf.length, ef.length];
  const [T, N, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
  const [ET, EN, TO] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
  const { nodes, edges, strings } = s;
  const n = nodes.length / NF;
  const first = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) [first[i], e] = [e, e + nodes[i * NF + EDGES]! * EF];
  first[n] = edges.length;
  const strong = (e: number) => !['weak', 'shortcut'].includes(edge_types[0][edges[e + ET]!]!);
  // Post-order from the root (node 0), by an explicit stack.
  const order = new Int32Array(n).fill(-1);
  const post: number[] = [];
  const next = first.slice(0, n);
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    let pushed = false;
    while (next[v]! < first[v + 1]!) {
      const e = next[v]!;
      next[v]! += EF;
      const w = edges[e + TO]! / NF;
      if (!strong(e) || seen[w]) continue;
      seen[w] = 1;
      stack.push(w);
      pushed = true;
      break;
    }
    if (!pushed) order[stack.pop()!] = post.push(v) - 1;
  }
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) if (seen[v]) for (let e = first[v]!; e < first[v + 1]!; e += EF) if (strong(e)) preds[edges[e + TO]! / NF]!.push(v);
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const meet = (a: number, b: number) => {
    while (a !== b) {
      while (order[a]! < order[b]!) a = idom[a]!;
      while (order[b]! < order[a]!) b = idom[b]!;
    }
    return a;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = post.length - 2; k >= 0; k--) {
      const v = post[k]!;
      let d = -1;
      for (const u of preds[v]!) if (idom[u] !== -1) d = d === -1 ? u : meet(u, d);
      if (d !== -1 && idom[v] !== d) [idom[v], changed] = [d, true];
    }
  }
  const retained = new Float64Array(n);
  for (const v of post) {
    retained[v]! += nodes[v * NF + SIZE]!;
    if (v !== 0) retained[idom[v]!]! += retained[v]!;
  }
  const edgeName = (v: number, w: number) => {
    for (let e = first[v]!; e < first[v + 1]!; e += EF) {
      if (edges[e + TO]! / NF !== w) continue;
      const type = edge_types[0][edges[e + ET]!]!;
      return type === 'element' || type === 'hidden' ? `[${edges[e + EN]}]` : `.${strings[edges[e + EN]!]}`;
    }
    return '~'; // dominated without a direct edge
  };
  const name = (v: number) => `${node_types[0][nodes[v * NF + T]!]}:${String(strings[nodes[v * NF + N]!]).slice(0, 50)}`;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let w = 1; w < n; w++) if (seen[w] && idom[w]! >= 0) children[idom[w]!]!.push(w);
  return { retained, children, name, edgeName };
}

function main() {
  const [file, minMb = '0.3', depth = '9'] = process.argv.slice(2);
  const d = dominators(JSON.parse(readFileSync(file!, 'utf8')) as Snapshot);
  const min = Number(minMb) * 1e6;
  const show = (v: number, level: number, edge: string) => {
    console.log(`${' '.repeat(level * 2)}${(d.retained[v]! / 1e6).toFixed(2)} ${edge} ${d.name(v)}`);
    if (level >= Number(depth)) return;
    const big = d.children[v]!.filter((w) => d.retained[w]! >= min).sort((a, b) => d.retained[b]! - d.retained[a]!);
    for (const w of big.slice(0, 10)) show(w, level + 1, d.edgeName(v, w));
  };
  show(0, 0, 'root');
}

main();
