// BENCH_ONLY=sync-reads: which of CouchDB's documented reads brings a whole team database to a fresh
// profile fastest, each timed raw (HTTP, body, JSON parse; nothing written) in Node against the
// bench's pouchdb-server, one after another on the same seeded database:
// - changes: _changes?include_docs&conflicts&style=main_only from 0, `limit` a page (the engine's read);
// - changes-no-conflicts: the same without conflicts=true;
// - all_docs: _all_docs?include_docs&conflicts paged by key (startkey = the last key, skip=1);
// - changes-ids-only: _changes without docs (the feed alone, a floor);
// - bulk_get: _changes without docs, then POST _bulk_get of each page's ids and revisions.
// BENCH_SYNC_READ_SIZES: member counts, e.g. "20000,100000" (3 orders each, 5 documents a member).
// BENCH_SYNC_READ_PAGES: page sizes, e.g. "1000,5000".
// BENCH_SYNC_READ_ROUNDS: rounds, each in the reverse order of the one before (ABBA...); 2 unless set.
// BENCH_SYNC_READ_ONLY: reads by name prefix, e.g. "changes-1000,all_docs-1000"; every read unless set.
import { CouchClient } from '../../lib/background/sync/couch';
import { emit, lowerMedian, round } from './common';
import { AGENTS, seedTeam, TEAM_DB } from './sync-seed';
import { startBenchCouch } from './sync-server';

type Row = { id: string; key?: string; doc?: unknown };

async function timed(name: string, read: () => Promise<number>): Promise<{ name: string; ms: number; docs: number }> {
  const t = performance.now();
  const docs = await read();
  return { name, ms: performance.now() - t, docs };
}

export async function syncReadBenches(): Promise<void> {
  const sizes = (process.env.BENCH_SYNC_READ_SIZES ?? '20000').split(',').map(Number);
  const pages = (process.env.BENCH_SYNC_READ_PAGES ?? '1000,5000').split(',').map(Number);
  for (const members of sizes) {
    const server = await startBenchCouch();
    try {
      const seeded = await seedTeam(server, members);
      emit({ bench: 'sync-reads-seed', members, documents: seeded.documents, ms: Math.round(seeded.ms) });
      const bob = new CouchClient({ server: server.url, db: TEAM_DB, cookies: 'memory' });
      await bob.logIn(AGENTS[1].name, AGENTS[1].password);
      const get = <T>(path: string) => bob.request<T>('GET', bob.dbPath(path));
      const changes = (limit: number, extra: Record<string, string>) => async () => {
        let since: string | number = 0;
        let docs = 0;
        for (;;) {
          const q: URLSearchParams = new URLSearchParams({ since: String(since), limit: String(limit), ...extra });
          const res: { results: Row[]; last_seq: string | number } = await get<{ results: Row[]; last_seq: string | number }>(`/_changes?${q}`);
          docs += res.results.length;
          since = res.last_seq;
          if (res.results.length < limit) return docs;
        }
      };
      const allDocs = (limit: number) => async () => {
        let last: string | undefined;
        let docs = 0;
        for (;;) {
          const q = new URLSearchParams({ include_docs: 'true', conflicts: 'true', limit: String(limit) });
          if (last !== undefined) {
            q.set('startkey', JSON.stringify(last));
            q.set('skip', '1');
          }
          const res = await get<{ rows: Row[] }>(`/_all_docs?${q}`);
          docs += res.rows.length;
          if (res.rows.length) last = res.rows[res.rows.length - 1]!.id;
          if (res.rows.length < limit) return docs;
        }
      };
      const bulkGet = (limit: number) => async () => {
        let since: string | number = 0;
        let docs = 0;
        for (;;) {
          const q: URLSearchParams = new URLSearchParams({ since: String(since), limit: String(limit), style: 'main_only' });
          const res: { results: (Row & { changes: { rev: string }[] })[]; last_seq: string | number } = await get<{ results: (Row & { changes: { rev: string }[] })[]; last_seq: string | number }>(`/_changes?${q}`);
          const got = await bob.request<{ results: unknown[] }>('POST', bob.dbPath('/_bulk_get'), { docs: res.results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev })) });
          docs += got.results.length;
          since = res.last_seq;
          if (res.results.length < limit) return docs;
        }
      };
      // Each read twice, the second round in reverse order (ABBA), so neither meets the machine's drift alone.
      const reads: [string, () => Promise<number>][] = [];
      for (const limit of pages) {
        reads.push([`changes-${limit}`, changes(limit, { include_docs: 'true', conflicts: 'true', style: 'main_only' })]);
        reads.push([`changes-no-conflicts-${limit}`, changes(limit, { include_docs: 'true', style: 'main_only' })]);
        reads.push([`changes-ids-only-${limit}`, changes(limit, { style: 'main_only' })]);
        reads.push([`all_docs-${limit}`, allDocs(limit)]);
        if (!process.env.BENCH_SYNC_READ_NO_BULK_GET) reads.push([`bulk_get-${limit}`, bulkGet(limit)]);
      }
      const only = process.env.BENCH_SYNC_READ_ONLY?.split(',');
      if (only) reads.splice(0, reads.length, ...reads.filter(([name]) => only.includes(name)));
      const rounds = Array.from({ length: Number(process.env.BENCH_SYNC_READ_ROUNDS ?? 2) }, (_, i) => (i % 2 ? [...reads].reverse() : reads));
      const times = new Map<string, number[]>();
      const docsOf = new Map<string, number>();
      for (const round of rounds) {
        for (const [name, read] of round) {
          const r = await timed(name, read);
          times.set(name, [...(times.get(name) ?? []), r.ms]);
          docsOf.set(name, r.docs);
          emit({ bench: 'sync-read-one', members, read: name, ms: Math.round(r.ms) });
        }
      }
      const runs = reads.map(([name]) => ({ name, ms: Math.min(...times.get(name)!), median: lowerMedian(times.get(name)!), docs: docsOf.get(name)! }));
      const base = runs[0]!;
      // Round by round against the baseline read of the same round: the machine's drift cancels out.
      const paired = (name: string) => times.get(name)!.map((ms, i) => round(ms / times.get(base.name)![i]!));
      for (const r of runs)
        emit({
          bench: 'sync-read',
          members,
          read: r.name,
          documents: r.docs,
          ms: Math.round(r.ms),
          median_ms: Math.round(r.median),
          all_ms: times.get(r.name)!.map(Math.round),
          ratios_by_round: paired(r.name),
          docs_per_s: Math.round(r.docs / (r.ms / 1000)),
          ratio_vs_changes: round(r.ms / base.ms),
          median_ratio_vs_changes: round(lowerMedian(paired(r.name))),
          note: `Node, raw HTTP + JSON parse, pouchdb-server in memory; the best of ${rounds.length} rounds (ABBA...); baseline: the first read listed`,
        });
    } finally {
      await server.stop();
    }
  }
}
