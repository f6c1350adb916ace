// The sync engine of the background worker: sends the documents of committed local writes
// (_bulk_docs; a 409 is answered by fetch -> merge -> retry), reads the team database's _changes from
// a checkpoint (a long-poll when caught up, never a busy poll), checks every incoming document
// against the row schemas (a bad one is skipped and listed), resolves _conflicts deterministically,
// and writes what arrives into the local store every screen reads.
import { mergeDocs } from '../../domain/sync/conflicts';
import { isSharedTable, SHARED_SETTINGS, SHARED_TABLES, syncDocSchema, type SyncDoc } from '../../domain/sync/documents';
import { JOURNEYS_KEY } from '../../domain/journey-settings';
import type { RegularsDb } from '../../store/database';
import { CouchError, type BulkResult, type CouchClient } from './couch';
import type { CommittedChange, SubscribeToCommitted } from './committed-changes';
import { applyChanges, applyDocs } from './incoming';
import { allKeys, docsForEntry } from './outgoing';
import { teamRoster } from './roster';
import { dropSent, outboxKey, readMeta, writeMeta, type OutboxRow, type ShadowRow, type SyncStateDb } from './state';
import { MAX_SKIPPED, shadowFor, type SyncContext } from './sync-rows';

export type SyncState = 'off' | 'starting' | 'syncing' | 'synced' | 'offline' | 'signIn' | 'notMember' | 'noDatabase';

export interface SyncStatus {
  state: SyncState;
  /** When the last full catch-up ended (synced) or the next retry is (offline). */
  at?: number | undefined;
  /** Local changes not yet on the server. */
  waiting: number;
  /** Initial sync: documents applied of those in the database. */
  progress?: { done: number; total: number; startedAt: number } | undefined;
  /** The last change the server refused, and why. */
  refused?: { id: string; reason: string } | undefined;
  /** Incoming documents skipped because they did not pass the row schemas. */
  skipped: { id: string; reason: string }[];
}

export interface SyncDeps {
  db: RegularsDb;
  state: SyncStateDb;
  client: CouchClient;
  /** The team user: stamps tags, notes' owner, contacts. */
  me: string;
  now: () => number;
  subscribe: SubscribeToCommitted;
  onStatus?: (status: SyncStatus) => void;
  /** Tables whose rows sync just wrote (reminders, reports and caches listen). */
  onApplied?: (tables: ReadonlySet<string>, members: ReadonlySet<string>) => void;
  /** Long-poll length; tests shorten it. */
  longpollMs?: number;
  batch?: number;
}

/** A serial lane: pushes and applies never interleave (each compares rows with the shadow). */
function lane() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createSyncEngine(deps: SyncDeps) {
  const { db, state, client, me, now } = deps;
  const batchSize = deps.batch ?? 500;
  const serial = lane();
  let status: SyncStatus = { state: 'off', waiting: 0, skipped: [] };
  let marks = Date.now();
  let running = false;
  let poll: AbortController | undefined;
  let pollIsLong = false;
  let wakeUp: (() => void) | undefined;
  /** Set by every wake: a change noted after the last push began must not wait out the long-poll. */
  let woken = false;
  let unsubscribe: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  const roster = teamRoster(state, client, me);
  const ctx: SyncContext = { db, state, client, me, now, skip: (id, reason) => skip(id, reason), onApplied: deps.onApplied, saw: (doc) => roster.saw(doc) };

  const setStatus = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    deps.onStatus?.(status);
  };
  const refreshWaiting = async () => setStatus({ waiting: await state.outbox.count() });

  /** Wakes the loop from a long-poll or a retry wait: there is something to send. */
  const wake = () => {
    woken = true;
    if (pollIsLong) poll?.abort();
    wakeUp?.();
  };

  async function enqueue(changes: CommittedChange[]): Promise<void> {
    const rows: OutboxRow[] = [];
    const mark = ++marks;
    for (const c of changes) {
      if (!isSharedTable(c.table)) continue;
      const keys = c.keys ?? (await allKeys(ctx, c.table));
      for (const k of keys) if (c.table !== 'settings' || (SHARED_SETTINGS as readonly string[]).includes(k) || k === JOURNEYS_KEY) rows.push({ key: outboxKey(c.table, k), table: c.table, rowKey: k, mark });
    }
    if (!rows.length) return;
    await state.outbox.bulkPut(rows);
    await refreshWaiting();
    wake();
  }

  // -------------------------------------------------------------------------------------------
  // Local -> server

  /** Sends one batch of waiting changes; true when more wait. */
  async function pushBatch(): Promise<boolean> {
    const entries = await state.outbox.limit(batchSize).toArray();
    if (!entries.length) return false;
    let docs: (Record<string, unknown> & { _id: string })[] = [];
    for (const e of entries) if (isSharedTable(e.table)) docs.push(...((await docsForEntry(ctx, e.table, e.rowKey)) as typeof docs));
    const merged: SyncDoc[] = [];
    for (let attempt = 0; docs.length && attempt < 5; attempt++) {
      const results = await client.bulkDocs(docs);
      const byId = new Map(docs.map((d) => [d._id, d]));
      const conflicts: string[] = [];
      const shadows: ShadowRow[] = [];
      const gone: string[] = [];
      results.forEach((r: BulkResult) => {
        const sent = byId.get(r.id);
        if (!sent) return;
        if (r.ok && r.rev) {
          if (sent._deleted) gone.push(r.id);
          else shadows.push(shadowFor({ ...(sent as unknown as SyncDoc), _rev: r.rev }));
        } else if (r.error === 'conflict') conflicts.push(r.id);
        else setStatus({ refused: { id: r.id, reason: r.reason ?? r.error ?? 'refused' } });
      });
      await state.shadow.bulkPut(shadows);
      await state.shadow.bulkDelete(gone);
      // 409: someone else wrote first. Fetch theirs, merge by the document's rule, send again.
      const theirs = await client.allDocs(conflicts);
      docs = [];
      for (const id of conflicts) {
        const mine = byId.get(id)!;
        const server = theirs.get(id);
        if (!server) {
          const { _rev, ...fresh } = mine;
          void _rev;
          docs.push(fresh as typeof mine);
          continue;
        }
        const a = syncDocSchema.safeParse(server);
        const b = syncDocSchema.safeParse(mine);
        if (mine._deleted || !b.success) continue;
        const m = a.success ? mergeDocs(a.data, b.data) : b.data;
        docs.push({ ...(m as unknown as Record<string, unknown>), _id: id, _rev: server._rev });
        merged.push(m);
      }
    }
    if (merged.length) await applyDocs(ctx, merged.map((d) => ({ doc: d, rev: undefined })));
    await dropSent(state, entries);
    await refreshWaiting();
    return (await state.outbox.count()) > 0;
  }

  // -------------------------------------------------------------------------------------------
  // Server -> local

  function skip(id: string, reason: string) {
    setStatus({ skipped: [...status.skipped.filter((s) => s.id !== id), { id, reason }].slice(-MAX_SKIPPED) });
  }

  /** Reads _changes from the checkpoint; resolves true when caught up. */
  async function pullBatch(longpoll: boolean): Promise<boolean> {
    const since = (await readMeta<string | number>(state, 'checkpoint')) ?? 0;
    if (!running) return true;
    const mine = (poll = new AbortController());
    pollIsLong = longpoll;
    // Woken since the push began (a change noted, or stop): go round again, not wait on the server.
    if (longpoll && woken) {
      poll = undefined;
      return true;
    }
    const waitMs = deps.longpollMs ?? 25_000;
    // A long-poll is ended here too if the server holds it past its timeout (or the line went dead).
    const guard = longpoll ? setTimeout(() => mine.abort(), waitMs + 5_000) : undefined;
    let res;
    try {
      res = await client.changes(since, { limit: batchSize, signal: mine.signal, ...(longpoll ? { longpollMs: waitMs } : {}) });
    } catch (e) {
      if (mine.signal.aborted) return true;
      throw e;
    } finally {
      clearTimeout(guard);
      poll = undefined;
    }
    await serial(async () => {
      const applied = await applyChanges(ctx, res.results);
      await writeMeta(state, 'checkpoint', res.last_seq);
      await roster.flush();
      if (status.progress) setStatus({ progress: { ...status.progress, done: status.progress.done + applied } });
    });
    return res.results.length < batchSize;
  }

  async function cycle(): Promise<void> {
    const first = (await readMeta(state, 'checkpoint')) === undefined;
    if (first) {
      const info = await client.info();
      setStatus({ state: 'syncing', progress: { done: 0, total: info.doc_count, startedAt: now() } });
      await enqueue(Object.keys(SHARED_TABLES).map((table) => ({ table, keys: undefined })));
    } else if (status.state !== 'synced') {
      await client.info();
      setStatus({ state: 'syncing' });
    }
    while (!(await pullBatch(false))) if (!running) return;
    woken = false;
    while (await serial(pushBatch)) if (!running) return;
    setStatus({ state: 'synced', at: now(), progress: undefined });
    await pullBatch(true);
  }

  /**
   * 401 is a lost session or a non-member (servers differ): the session tells which. 404 is a
   * database name nobody set up (or one deleted): retrying would not help, the user must act.
   */
  async function classify(e: unknown): Promise<SyncState> {
    if (e instanceof CouchError && e.status === 403) return 'notMember';
    if (e instanceof CouchError && e.status === 404) return 'noDatabase';
    if (!(e instanceof CouchError && e.status === 401)) return 'offline';
    const who = await client.session().catch(() => undefined);
    return who?.userCtx.name ? 'notMember' : 'signIn';
  }

  async function run(): Promise<void> {
    let backoff = 1000;
    while (running) {
      try {
        await cycle();
        backoff = 1000;
      } catch (e) {
        if (!running) return;
        const s = await classify(e);
        if (s !== 'offline') {
          setStatus({ state: s, progress: undefined });
          running = false;
          return;
        }
        setStatus({ state: 'offline', at: now() + backoff });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  return {
    status: () => status,
    /** Starts listening to local changes and the loop. */
    start(): void {
      if (running) return;
      running = true;
      unsubscribe ??= deps.subscribe((changes) => void enqueue(changes).catch((e) => console.error('Regulars: sync could not note a change', e)));
      setStatus({ state: 'starting' });
      void refreshWaiting();
      loop = run();
    },
    /** Stops the loop; local changes are still noted and go out on the next start. */
    async stop(): Promise<void> {
      running = false;
      wake();
      await loop;
    },
    /** Stops listening too (disconnect). */
    async close(): Promise<void> {
      running = false;
      wake();
      await loop;
      unsubscribe?.();
      unsubscribe = undefined;
      setStatus({ state: 'off' });
    },
    /** Resolves when nothing waits and a catch-up ended (tests, bench). */
    async settled(timeoutMs = 10_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (status.state === 'synced' && (await state.outbox.count()) === 0 && !status.progress) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`sync did not settle: ${JSON.stringify(status)}`);
    },
    wake,
    /** Everyone on the team (for "Assign to"), this user included. */
    team: () => roster.names(),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
