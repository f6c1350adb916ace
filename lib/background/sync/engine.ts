// The sync engine of the background worker: sends the documents of committed local writes
// (_bulk_docs; a 409 is answered by fetch -> merge -> retry), reads the team database's _changes from
// a checkpoint (a long-poll when caught up, never a busy poll), checks every incoming document
// against the row schemas (a bad one is skipped and listed), resolves _conflicts deterministically,
// and writes what arrives into the local store every screen reads.
import { SHARED_TABLES } from '../../domain/sync/documents';
import type { ChangesPage } from './couch';
import { failureState } from './loop';
import { changesReader } from './reader';
import { lane } from '../lane';
import { catchUpSession, type CommittedChange } from './committed-changes';
import { importOrigin } from '../derived';
import { applyChanges } from './incoming';
import { phaseClock, timedPhase } from '../import/phases';
import { outboxNoter } from './noter';
import { pushWaiting } from './push';
import type { SyncDeps, SyncStatus } from './engine-types';
import { teamRoster } from './roster';
import { hasShadows } from './shadows';
import { freshJoin } from './join-writes';
import { readMeta } from './state';
import { joinKeeper, seenOf, type JoinSeen, type JoinUnderWay } from './join';
import { MAX_SKIPPED, type SyncContext } from './sync-rows';

export type { SyncDeps, SyncState, SyncStatus } from './engine-types';

/** Documents per _changes read while catching up (joining a team, back from offline). */
export const CATCH_UP_BATCH = 1000;

export function createSyncEngine(deps: SyncDeps) {
  const { db, state, client, me, now } = deps;
  const batchSize = deps.batch ?? 500;
  const catchUpBatch = deps.batch ?? CATCH_UP_BATCH;
  const serial = lane('sync');
  let status: SyncStatus = { state: 'off', waiting: 0, skipped: [] };
  let running = false;
  let wakeUp: (() => void) | undefined;
  /** Set by every wake: a change noted after the last push began must not wait out the long-poll. */
  let woken = false;
  /** The last long-poll read all there was: no catch-up read before the next one. */
  let caughtUp = false;
  let loop: Promise<void> | undefined;
  const reader = changesReader(client, deps, { running: () => running, woken: () => woken });
  const readChanges = reader.read;

  const roster = teamRoster(state, client, me);
  /** While catching up: what sync wrote, told to onApplied once caught up. */
  let applied: JoinSeen | undefined;
  /** A join cut short before "Synced" (offline): told with the rest of the shop, at its end or at a stop. */
  let joinSoFar: { seen: JoinSeen; session: string } | undefined;
  const join = joinKeeper(state, (progress) => setStatus({ state: 'syncing', progress }));
  /** A join begun or resumed: its writes are one session, told at its end. */
  const joinSession = async (j: JoinUnderWay) => void (joinSoFar ??= { seen: await seenOf(db, j), session: j.session });
  const tellOf = ({ seen, session }: NonNullable<typeof joinSoFar>) => () =>
    void ((seen.tables.size || seen.members.size) && deps.onApplied?.(seen.tables, seen.members, session));
  const onApplied = (tables: ReadonlySet<string>, members: ReadonlySet<string>) => {
    if (!applied) return deps.onApplied?.(tables, members);
    for (const t of tables) applied.tables.add(t);
    for (const m of members) applied.members.add(m);
  };
  const ctx: SyncContext = {
    db, state, client, me, now, onApplied,
    skip: (id, reason) => skip(id, reason),
    saw: (doc) => roster.saw(doc),
    writeWaiting: deps.writeWaiting,
  };

  const setStatus = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    deps.onStatus?.(status);
  };
  const refreshWaiting = async () => setStatus({ waiting: await state.outbox.count() });

  /** Wakes the loop from a long-poll or a retry wait: there is something to send. */
  const wake = () => {
    woken = true;
    reader.wake();
    wakeUp?.();
  };

  /** The service's noter listens from the worker's start (noter.ts); an engine on its own, from its start to close(). */
  const noter = deps.noter ?? outboxNoter(db, state, deps.subscribe);
  const enqueue = (changes: CommittedChange[], atJoin?: true) => noter.note(changes, atJoin);

  // -------------------------------------------------------------------------------------------
  // Local -> server

  /** Sends one batch of waiting changes; true when more wait. */
  const pushBatch = async (): Promise<boolean> => {
    await pushWaiting(ctx, batchSize, (refused) => setStatus({ refused }));
    await refreshWaiting();
    return (await state.outbox.count()) > 0;
  };

  // -------------------------------------------------------------------------------------------
  // Server -> local

  const skip = (id: string, reason: string) => setStatus({ skipped: [...status.skipped.filter((s) => s.id !== id), { id, reason }].slice(-MAX_SKIPPED) });

  /** Writes what was read, then moves the checkpoint past it. */
  const applyBatch = (res: ChangesPage, since?: string | number) =>
    serial(async () => {
      if (!res.results.length && res.last_seq === since) return; // an idle long-poll: nothing to keep
      const count = await timedPhase('sync.apply', () => applyChanges(ctx, res.results, res.last_seq));
      const mark = phaseClock();
      await roster.flush();
      mark('sync.roster');
      if (status.progress) await join.applied(count, applied, now());
    });

  /**
   * Reads from the checkpoint until caught up, the next batch read while this one is written. What
   * the reminders and derived figures follow (onApplied) is told once, at the end: joining a team is
   * one sweep, not one per batch. Returns that telling, for after "Synced" (their work would hold up
   * the pushes before it). A catch-up cut short tells at once, a join's not: the next catch-up goes on
   * with its session and tells it all (rules run on half a shop make reminders, shared rows, from it).
   */
  async function catchUp(): Promise<() => void> {
    let next = readChanges((await readMeta<string | number>(state, 'checkpoint')) ?? 0, false, catchUpBatch);
    // Read while the rest is set up; a server that refuses at once fails it before it is awaited below.
    next.catch(() => undefined);
    const joining = status.progress !== undefined;
    const so = joinSoFar ?? { seen: { tables: new Set<string>(), members: new Set<string>() }, session: catchUpSession(Date.now()) };
    joinSoFar = undefined;
    applied = so.seen;
    const tell = tellOf(so);
    ctx.origin = importOrigin(so.session);
    try {
      // Nothing pushes while catching up: with no shadow at its start, the feed's are the only ones; so
      // too for the rest of a join that began so, taken up again after a restart or a dropped line.
      ctx.feedOnlyShadows = (joining && join.feedOnly()) || !(await hasShadows(state));
      if (joining) await join.setFeedOnly(ctx.feedOnlyShadows);
      ctx.joinWrites = ctx.feedOnlyShadows ? await freshJoin(db) : undefined;
      let more = true;
      while (more) {
        const res = await timedPhase('sync.wait.read', () => next);
        if (!res) break;
        more = res.results.length >= catchUpBatch;
        if (more) (next = readChanges(res.last_seq, false, catchUpBatch)).catch(() => undefined);
        await applyBatch(res);
        if (!running) break;
      }
      // Caught up: pushes follow, and their shadows are not the feed's.
      if (joining && running) await join.setFeedOnly(false);
    } catch (e) {
      if (joining) joinSoFar = so;
      else tell();
      throw e;
    } finally {
      applied = undefined;
      ctx.origin = undefined;
      ctx.feedOnlyShadows = undefined;
      ctx.joinWrites = undefined;
    }
    return tell;
  }

  async function cycle(): Promise<void> {
    const mark = phaseClock();
    const first = (await readMeta(state, 'checkpoint')) === undefined;
    const fromLongpoll = caughtUp;
    caughtUp = false;
    // A join a restarted worker left under way goes on as that join (join.ts).
    const resumed = first || status.progress ? undefined : await join.resume(now());
    if (first) {
      const info = await client.info();
      await joinSession(await join.begin(info.doc_count, now(), catchUpSession(Date.now())));
      await enqueue(Object.keys(SHARED_TABLES).map((table) => ({ table, keys: undefined })), true);
    } else if (resumed) {
      await joinSession(resumed);
      await client.info();
    } else if (status.state !== 'synced') {
      await client.info();
      setStatus({ state: 'syncing' });
    }
    // After a long-poll that brought all there was, the next read is the next long-poll.
    mark('sync.cycle.start');
    const tell = fromLongpoll ? undefined : await catchUp();
    mark('sync.cycle.catch-up');
    try {
      if (!running) return;
      woken = false;
      while (await serial(pushBatch)) if (!running) return;
      mark('sync.cycle.push');
      await join.end(); // before the reminders are told: their sweep, held while a join is kept, may run
      setStatus({ state: 'synced', at: now(), progress: undefined });
    } finally {
      tell?.();
    }
    const since = (await readMeta<string | number>(state, 'checkpoint')) ?? 0;
    const res = await readChanges(since, true, batchSize);
    if (!res) return;
    await applyBatch(res, since);
    caughtUp = res.results.length < batchSize;
  }

  const retry = deps.retry ?? { firstMs: 1000, maxMs: 30_000 };

  async function run(): Promise<void> {
    let backoff = retry.firstMs;
    try {
      while (running) {
        try {
          await cycle();
          backoff = retry.firstMs;
        } catch (e) {
          if (!running) return;
          const s = await failureState(client, e);
          if (s !== 'offline') {
            // Refused: a join would wait for the user to act and hold the reminders' sweep meanwhile; it stops here.
            await join.refuse(now());
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
          backoff = Math.min(backoff * 2, retry.maxMs);
        }
      }
    } finally {
      if (joinSoFar) tellOf(joinSoFar)(); // stopped or refused mid-join: what it brought, told now
      joinSoFar = undefined;
    }
  }

  return {
    status: () => status,
    /** Starts listening to local changes and the loop. */
    start(): void {
      if (running) return;
      running = true;
      // Stopped right after a long-poll: whatever came since is read before anything is sent.
      caughtUp = false;
      noter.onNoted(() => void refreshWaiting().then(wake));
      noter.listen();
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
      noter.onNoted(undefined);
      if (!deps.noter) noter.unlisten();
      setStatus({ state: 'off' });
    },
    /** Resolves when nothing waits and a catch-up ended (tests, bench). */
    async settled(timeoutMs = 10_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        await noter.idle();
        if (status.state === 'synced' && (await state.outbox.count()) === 0 && !status.progress) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`sync did not settle: ${JSON.stringify(status)}`);
    },
    wake,
    /** Offline: try again now (the user asked), not at the next retry. */
    retryNow(): void {
      if (status.state === 'offline') wakeUp?.();
    },
    /** Everyone on the team (for "Assign to"), this user included. */
    team: () => roster.names(),
    /** A catch-up under way, or a join cut short (offline): the store holds part of the team's shop. */
    catchingUp: () => applied !== undefined || status.progress !== undefined,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
