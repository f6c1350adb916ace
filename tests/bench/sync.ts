// Team sync benchmarks (BENCH_ONLY=sync), in Node against pouchdb-server on loopback, each store in
// fake-indexeddb (not the browser's IndexedDB: the baseline below uses the same one, so the ratio is
// what the figure means). JSON lines:
// - sync-initial: a fresh profile joins a team database of BENCH_SYNC_MEMBERS members and 3x orders
//   (target <= 90 s), next to the baseline of the same run: a raw _changes read of the same documents
//   plus raw puts of their rows into an empty store;
// - sync-propagation: a change on A until it is in B's store, p95 (target <= 2 s);
// - sync-idle-requests: requests a connected idle agent makes per minute (a long-poll, never a busy poll).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { startCouchServer } from '../support/couch-server';
import { memberRow, identityRow, orderRow } from '../../lib/domain/sync/fixtures';
import { identityDocFromRow, memberDocFromRow, orderDocFromRow } from '../../lib/domain/sync/row-to-doc';
import { SHARED_TABLES } from '../../lib/domain/sync/documents';
import { memoryDb } from '../../lib/store/test-helpers';
import { addTag } from '../../lib/background/members/card';
import { storeCommitted } from '../../lib/background/sync/committed-changes';
import { CouchClient } from '../../lib/background/sync/couch';
import { createSyncEngine } from '../../lib/background/sync/engine';
import { setUpTeam } from '../../lib/background/sync/setup';
import { SyncStateDb } from '../../lib/background/sync/state';

const emit = (o: object) => console.log(JSON.stringify(o));
const round = (n: number) => Math.round(n * 10) / 10;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function syncBenches(members = Number(process.env.BENCH_SYNC_MEMBERS ?? 100_000)): Promise<void> {
  const orders = members * 3;
  const server = await startCouchServer();
  try {
    const team = 'shop';
    await setUpTeam({ server: server.url, db: team, admin: server.admin, members: [{ name: 'alice', password: 'alice-pw' }, { name: 'bob', password: 'bob-pw' }] });
    const admin = new CouchClient({ server: server.url, db: team, cookies: 'memory' });
    await admin.logIn(server.admin.name, server.admin.password);
    // The team's documents, written in batches as an owner's computer would have sent them.
    const now = Date.now();
    for (let m = 0; m < members; m += 2000) {
      const docs: object[] = [];
      for (let i = m; i < Math.min(members, m + 2000); i++) {
        const id = `m_${i}`;
        docs.push(memberDocFromRow(memberRow({ id, displayName: `buyer ${i}`, createdAt: now, updatedAt: now }), undefined, 'alice'));
        docs.push(identityDocFromRow(identityRow({ id: `taobao:handle:b${i}`, memberId: id, value: `b${i}` } as never), undefined, 'alice', now));
        for (let k = 0; k < 3; k++) docs.push(orderDocFromRow(orderRow({ id: `taobao:${i}-${k}`, orderNo: `${i}-${k}`, memberId: id, amountMinor: 1000 + k }), undefined, 'alice', now));
      }
      await admin.bulkDocs(docs);
    }
    const total = members * 5;

    // Baseline: read the same _changes and put the rows, nothing else.
    const base = memoryDb(undefined, new IDBFactory(), 'baseline');
    const t0 = performance.now();
    let since: string | number = 0;
    for (;;) {
      const res = await admin.changes(since, { limit: 2000 });
      const rows = { members: [] as unknown[], identities: [] as unknown[], orders: [] as unknown[] };
      for (const r of res.results) {
        const doc = r.doc as { type?: string; row?: unknown; memberId?: string } | undefined;
        if (doc?.type === 'order') rows.orders.push(doc.row);
        else if (doc?.type === 'identity') rows.identities.push(doc.row);
        else if (doc?.type === 'member') rows.members.push(memberRow({ id: doc.memberId! }));
      }
      await base.transaction('rw', [base.members, base.identities, base.orders], async () => {
        await base.members.bulkPut(rows.members as never[]);
        await base.identities.bulkPut(rows.identities as never[]);
        await base.orders.bulkPut(rows.orders as never[]);
      });
      since = res.last_seq;
      if (res.results.length < 2000) break;
    }
    const rawMs = performance.now() - t0;

    // A fresh profile joins through the sync engine.
    const machine = async (user: 'alice' | 'bob', fetchCount?: { n: number }) => {
      const factory = new IDBFactory();
      const name = `regulars-${user}`;
      const db = memoryDb(undefined, factory, name);
      const state = new SyncStateDb(`sync-${name}`, { indexedDB: factory, IDBKeyRange });
      const counted: typeof fetch = (...a) => {
        if (fetchCount) fetchCount.n++;
        return fetch(...a);
      };
      const client = new CouchClient({ server: server.url, db: team, cookies: 'memory', fetch: counted });
      await client.logIn(user, `${user}-pw`);
      const engine = createSyncEngine({ db, state, client, me: user, now: () => Date.now(), subscribe: storeCommitted(name, Object.keys(SHARED_TABLES)) });
      return { db, engine };
    };
    const b = await machine('bob');
    const t1 = performance.now();
    b.engine.start();
    await b.engine.settled(30 * 60_000);
    const syncMs = performance.now() - t1;
    emit({ bench: 'sync-initial', members, orders, documents: total, store_orders: await b.db.orders.count(), ms: Math.round(syncMs), raw_changes_and_puts_ms: Math.round(rawMs), ratio_vs_raw: round(syncMs / rawMs), target_ms: 90_000, note: 'Node, fake-indexeddb, pouchdb-server in memory' });

    // Propagation A -> B while both are connected.
    const requests = { n: 0 };
    const a = await machine('alice', requests);
    a.engine.start();
    await a.engine.settled(30 * 60_000);
    const lags: number[] = [];
    let lost = 0;
    for (let i = 0; i < 20; i++) {
      const id = `m_${i}`;
      const t = performance.now();
      await addTag(a.db, id, `t${i}`, Date.now());
      // A change that never arrives counts as the 10 s it was waited for (and is reported as lost).
      while (!(await b.db.members.get(id))?.tags.includes(`t${i}`) && performance.now() - t < 10_000) await new Promise((r) => setTimeout(r, 10));
      if (!(await b.db.members.get(id))?.tags.includes(`t${i}`)) lost++;
      lags.push(performance.now() - t);
    }
    emit({ bench: 'sync-propagation', samples: lags.length, median_ms: round(pct(lags, 0.5)), p95_ms: round(pct(lags, 0.95)), max_ms: round(Math.max(...lags)), lost, target_p95_ms: 2000 });

    // Idle: nothing changes for a while; count what A asks the server.
    await a.engine.settled(60_000).catch((e: Error) => emit({ bench: 'sync-propagation-unsettled', error: e.message }));
    const idleMs = Number(process.env.BENCH_SYNC_IDLE_MS ?? 60_000);
    const before = requests.n;
    await new Promise((r) => setTimeout(r, idleMs));
    emit({ bench: 'sync-idle-requests', window_ms: idleMs, requests: requests.n - before, per_minute: round(((requests.n - before) * 60_000) / idleMs), note: 'long-poll of 25 s' });
    await Promise.all([a.engine.close(), b.engine.close()]);
  } finally {
    await server.stop();
  }
}
