// Team sync benchmarks (BENCH_ONLY=sync). The initial sync, an idle agent's requests and the panel
// with sync on are measured in Chromium (sync-browser.ts) at BENCH_SYNC_MEMBERS members (3x orders).
// Here, in Node against pouchdb-server on loopback, each store in fake-indexeddb:
// - sync-propagation: a change on A until it is in B's store, p95 (target <= 2 s), two agents of a
//   team database of BENCH_SYNC_NODE_MEMBERS members (its size barely matters to one change).
// BENCH_SYNC_INITIAL_ONLY=1: the initial sync alone (while working on it).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SHARED_TABLES } from '../../lib/domain/sync/documents';
import { memoryDb } from '../../lib/store/test-helpers';
import { addTag } from '../../lib/background/members/card';
import { storeCommitted } from '../../lib/background/sync/committed-changes';
import { CouchClient } from '../../lib/background/sync/couch';
import { createSyncEngine } from '../../lib/background/sync/engine';
import { SyncStateDb } from '../../lib/background/sync/state';
import { emit, pct, round } from './common';
import { browserSyncBenches } from './sync-browser';
import { AGENTS, benchMemberId, seedTeam, TEAM_DB } from './sync-seed';
import { startBenchCouch } from './sync-server';

export async function syncBenches(members = Number(process.env.BENCH_SYNC_MEMBERS ?? 100_000)): Promise<void> {
  await browserSyncBenches(members);
  if (process.env.BENCH_SYNC_INITIAL_ONLY) return;
  await propagation(Number(process.env.BENCH_SYNC_NODE_MEMBERS ?? 2000));
}

async function propagation(members: number): Promise<void> {
  const server = await startBenchCouch();
  try {
    await seedTeam(server, members);
    const machine = async ({ name, password }: (typeof AGENTS)[number]) => {
      const factory = new IDBFactory();
      const db = memoryDb(undefined, factory, `regulars-${name}`);
      const state = new SyncStateDb(`sync-regulars-${name}`, { indexedDB: factory, IDBKeyRange });
      const client = new CouchClient({ server: server.url, db: TEAM_DB, cookies: 'memory' });
      await client.logIn(name, password);
      const engine = createSyncEngine({ db, state, client, me: name, now: () => Date.now(), subscribe: storeCommitted(db.name, Object.keys(SHARED_TABLES)) });
      engine.start();
      await engine.settled(30 * 60_000);
      return { db, engine };
    };
    const a = await machine(AGENTS[0]);
    const b = await machine(AGENTS[1]);
    const lags: number[] = [];
    let lost = 0;
    for (let i = 0; i < 20; i++) {
      const id = benchMemberId(i);
      const t = performance.now();
      await addTag(a.db, id, `t${i}`, Date.now());
      // A change that never arrives counts as the 10 s it was waited for (and is reported as lost).
      while (!(await b.db.members.get(id))?.tags.includes(`t${i}`) && performance.now() - t < 10_000) await new Promise((r) => setTimeout(r, 10));
      if (!(await b.db.members.get(id))?.tags.includes(`t${i}`)) lost++;
      lags.push(performance.now() - t);
    }
    emit({ bench: 'sync-propagation', members, samples: lags.length, median_ms: round(pct(lags, 0.5)), p95_ms: round(pct(lags, 0.95)), max_ms: round(Math.max(...lags)), lost, target_p95_ms: 2000, note: 'Node, fake-indexeddb, pouchdb-server in memory' });
    await Promise.all([a.engine.close(), b.engine.close()]);
  } finally {
    await server.stop();
  }
}
