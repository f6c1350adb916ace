// The import capability's messages: orders in (by file, in sessions of many batches, or one captured
// order), a session's end or cancel, and one order read back.
import type { Handlers } from '../../messaging/router';
import { importOrigin, importSessionClosed, importSessionOpened } from '../derived';
import type { RegularsDb } from '../../store/database';
import { dropWarm, keepWarm, lazyCache, letTablesGo, releaseCache, sessionCache, tooBigToKeepWarm, type ImportCache } from './import-cache';
import { dropDeadUndo, dropUndo, revertImport, undoJournal } from './undo-journal';
import { dropJournal, writeEarly } from './member-journal';
import { dropOldRecovered, journalLeft, recoverJournals, takeRecovered, writeWaitingStep } from './import-end';
import { importOrders } from './import-orders';
import { orderIdOf } from '../../domain/imported-order';
import { importJsonBatch, keepKnownBatches, readJsonBatch } from './known-batches';
import { importRowsOf } from '../../messaging/import-request';
import { timedPhase } from './phases';
import { lane, type Lane } from '../lane';
import { membersAgentsWroteOn } from '../members/written-on';

/** A job that only waits for a session's batches before it to settle. */
const settled = async () => undefined;

/** An import session idle this long is dropped (the options page was closed mid-import). */
export const SESSION_IDLE_MS = 120_000;

/** How long one step of an import's end writes before it answers (import-end.ts): well inside the 5 minutes Chrome gives one event, under load too. */
export const END_STEP_MS = 10_000;

/** The end's sizes, smaller in tests. */
export interface EndTuning {
  slice?: number;
  stepMs?: number;
  recoverSlice?: number;
  /** The most a finished session's cache may hold to be kept warm (import-cache.ts WARM_BUDGET_BYTES). */
  warmBudgetBytes?: number;
}

const NO_MEMBERS = { created: 0, matched: 0 };

export interface ImportHooks {
  /** Orders were added or changed, by a session's batch or on their own. */
  onImported?: (orderIds: string[], session: string | undefined) => void;
  /** A session ended (finished, cancelled, or idle too long). */
  onSessionEnded?: (session: string) => void;
}

/** Members an import session made (no row before it) and existing members it wrote orders to. */
function sessionMembers(cache: ImportCache | undefined): { created: number; matched: number } {
  const deferred = cache?.deferred;
  if (!deferred) return { created: 0, matched: 0 };
  return { created: deferred.created.size, matched: deferred.pending.heldNotCreated() };
}

const plus = (a: { created: number; matched: number }, b = NO_MEMBERS) => ({ created: a.created + b.created, matched: a.matched + b.matched });

type ImportHandlers = Pick<Handlers, 'orders.import' | 'orders.importCancel' | 'orders.importEnd' | 'order.get'>;

export function importCapability(db: RegularsDb, now: () => number, hooks: ImportHooks = {}, tuning: EndTuning = {}) {
  // `queue`: the session's batches, stored one after the other in the order they came. The options
  // page sends the next batch while one is stored, so its decoding and validation overlap the writes.
  // `ending`: what the import did, taken when its end began (the waiting rows then go as they are written).
  // `keptEarly`: its known batches were kept when its end began, and its tables let go (import-cache.ts letTablesGo).
  // `before`: what a dead worker's batches of the same session did (takeOver), counted in its end.
  type Session = {
    cache: Promise<ImportCache>;
    timer: ReturnType<typeof setTimeout>;
    queue: Lane;
    ending?: { created: number; matched: number };
    keptEarly?: boolean;
    before: Promise<{ created: number; matched: number } | undefined>;
  };
  const sessions = new Map<string, Session>();
  /** A dead worker's sessions being brought up to date (import-end.ts recoverJournals), at most one run at a time. */
  let recovering: Promise<number> | undefined;
  const recoverDead = () =>
    (recovering ??= recoverJournals(db, now(), (id) => sessions.has(id), tuning.recoverSlice).finally(() => {
      recovering = undefined;
    }));
  /** Runs `step` after the session's batches before it (a failed one does not stop the next: the page cancels). */
  const queued = <T>(id: string, step: () => Promise<T>): Promise<T> => {
    const session = sessions.get(id);
    return session ? session.queue(step) : step();
  };
  const idleEnd = (id: string) => setTimeout(() => void endSession(id).catch((e) => console.error('Regulars: an idle import could not finish', e)), SESSION_IDLE_MS);
  /**
   * Ends a session; its waiting member rows are written unless the store they belong to is gone.
   * With `budgetMs`, one step of it: 'more' when rows are left to write for the next step.
   */
  const endSession = async (id: string, write = true, budgetMs = Infinity): Promise<boolean | 'more'> => {
    const session = sessions.get(id);
    if (!session) return false;
    await session.queue(settled);
    if (sessions.get(id) !== session) return false;
    clearTimeout(session.timer);
    const cache = await session.cache.catch(() => undefined);
    let more = false;
    let ours = true;
    try {
      // A cache too big to be kept warm: the batches are kept on disk now, and its tables go before the
      // member rows are written (their keepers' busiest minute).
      if (cache?.deferred && write && !session.keptEarly && tooBigToKeepWarm(cache, tuning.warmBudgetBytes)) {
        session.keptEarly = true;
        await timedPhase('session.keep', () => session.queue(() => keepKnownBatches(db, cache))).catch((e) => console.warn('Regulars: an import’s known batches were not kept', e));
        letTablesGo(cache);
      }
      if (cache?.deferred && write) {
        const deferred = cache.deferred;
        const wrote = deferred.pending.size > 0;
        const done = await timedPhase('session.end', () => session.queue(() => writeWaitingStep(db, deferred, now(), cache.origin, { slice: tuning.slice, budgetMs })));
        // The batches kept for next time in a step of their own, after the one that wrote the last rows.
        more = !done || (wrote && budgetMs !== Infinity);
      }
      if (more) return 'more';
      // Another end of it (the idle one) finished it meanwhile.
      ours = sessions.get(id) === session;
      if (!ours) return false;
      sessions.delete(id);
      // The same file another day (the warm cache gone) need not be read again either.
      if (cache && write && !session.keptEarly) await timedPhase('session.keep', () => keepKnownBatches(db, cache)).catch((e) => console.warn('Regulars: an import’s known batches were not kept', e));
    } finally {
      if (more) session.timer = idleEnd(id);
      else if (ours) {
        sessions.delete(id);
        // Ended, it can no longer be cancelled: what it would have put back goes.
        if (cache?.undo) await dropUndo(db, cache.undo).catch((e) => console.warn('Regulars: an import’s undo records were not cleared', e));
        if (cache && write) keepWarm(cache, tuning.warmBudgetBytes);
        else if (cache) releaseCache(cache);
        importSessionClosed(id);
        hooks.onSessionEnded?.(id);
      }
    }
    return true;
  };
  /**
   * A step of the end of a session this worker does not have: its worker stopped (mid-import or
   * mid-end) and this one brings its members up to date from where it got to (recoverJournals),
   * while the options page asks again and so keeps this worker running. With no budget, the whole end.
   */
  const endRecovered = async (id: string, budgetMs: number) => {
    if (await journalLeft(db, id)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const budget = budgetMs === Infinity ? [] : [new Promise((r) => (timer = setTimeout(r, budgetMs)))];
      await Promise.race([recoverDead(), ...budget]).finally(() => clearTimeout(timer));
      if (await journalLeft(db, id)) return { ended: false, members: NO_MEMBERS, more: true };
    }
    const members = await takeRecovered(db, id);
    return { ended: members !== undefined, members: members ?? NO_MEMBERS };
  };
  /**
   * A session this worker opens may be one a stopped worker had open: a batch the page posted before
   * it learned the worker had stopped wakes this one (messaging/worker-post.ts). Its journal numbers
   * from 0 again and would write over the dead worker's, whose members would then never be written:
   * what those batches left waiting is brought up to date first, and their undo records go (committed
   * and ended, they can no longer be taken back). Three key lookups for a session that is new.
   */
  const takeOver = async (id: string) => {
    // A recovery under way (this worker's start) may be bringing this session up to date already.
    await recovering;
    if (await journalLeft(db, id)) await recoverJournals(db, now(), (other) => other !== id, tuning.recoverSlice);
    await dropUndo(db, undoJournal(id));
    return takeRecovered(db, id);
  };
  /** What the batches of a session this worker does not have did (a stopped worker's, or one a restore ended), once their recovery has ended them. */
  const stoppedPart = async (id: string): Promise<{ tooLate?: { created: number; matched: number } }> => {
    const recovered = await endRecovered(id, Infinity);
    return recovered.ended ? { tooLate: recovered.members } : {};
  };
  const cacheOf = (id: string | undefined): Promise<ImportCache> => {
    if (!id) return Promise.resolve(lazyCache());
    let session = sessions.get(id);
    if (session) clearTimeout(session.timer);
    else {
      // A session remembers what it changed, so the user can cancel the whole import.
      const before = takeOver(id);
      session = { cache: before.then(() => sessionCache(db, id, importOrigin(id))), before, timer: setTimeout(() => undefined), queue: lane() };
      sessions.set(id, session);
      importSessionOpened(id);
    }
    session.timer = idleEnd(id);
    return session.cache;
  };

  const handlers: ImportHandlers = {
    'order.get': async ({ platform, orderNo }) => (await db.orders.get(orderIdOf({ platform, orderNo }))) ?? null,
    'orders.import': async ({ rows, rowsJson, session }) => {
      // A batch given as JSON is read before it waits for the batches before it, unless the session's
      // cache stored the same text before: then it may not even be parsed (known-batches.ts).
      const cache = cacheOf(session);
      const json = rowsJson === undefined ? undefined : readJsonBatch(rowsJson, session ? await cache.catch(() => undefined) : undefined, importRowsOf);
      const stored = async () => {
        const batchCache = session ? await timedPhase('session.cache', () => cache) : await cache;
        if (!json) return { result: await importOrders(db, rows ?? [], now(), batchCache), rows };
        return importJsonBatch(db, json, now(), batchCache, importRowsOf);
      };
      const { result, rows: read } = await (session ? queued(session, stored) : stored());
      if (read && (result.orders.added || result.orders.updated))
        hooks.onImported?.(
          read.map(orderIdOf),
          session,
        );
      return result;
    },
    'orders.importCancel': async ({ session }) => {
      const open = sessions.get(session);
      if (!open) return { orders: 0, members: 0, kept: 0, ...(await stoppedPart(session)) };
      // Its end began: its members are being written; it stays (as when its end failed before).
      if (open.ending) return { orders: 0, members: 0, kept: 0 };
      await open.queue(settled);
      const cache = await open.cache;
      // Members it created that an agent wrote on meanwhile (here, or on another machine of the team) stay: only their orders go.
      const early = cache.deferred ? [...cache.deferred.early] : [];
      const kept = early.length ? await membersAgentsWroteOn(db, await db.members.bulkGet(early)) : new Set<string>();
      const reverted = cache.undo ? await revertImport(db, cache.undo, kept) : { orders: 0, members: 0 };
      // The members it created were never written (their rows wait for the end): dropped with the journal, taken back all the same.
      if (cache.deferred) {
        reverted.members += cache.deferred.created.size - kept.size;
        await dropJournal(db, cache.deferred, kept, now());
      }
      const before = await open.before;
      await endSession(session, false);
      return { ...reverted, kept: kept.size, ...(before ? { tooLate: before } : {}) };
    },
    // `step`: one step of the end (the options page asks again while `more`); without, the whole end at once.
    'orders.importEnd': async ({ session, step }) => {
      const budgetMs = step ? (tuning.stepMs ?? END_STEP_MS) : Infinity;
      const open = sessions.get(session);
      if (!open) return step ? endRecovered(session, budgetMs) : { ended: false, members: NO_MEMBERS };
      await open.queue(settled);
      // The dead worker's part counted too (a member both parts wrote counts as created and as matched).
      const members = (open.ending ??= plus(sessionMembers(await open.cache), await open.before));
      const ended = await endSession(session, true, budgetMs);
      return ended === 'more' ? { ended: false, members, more: true } : { ended, members };
    },
  };
  return {
    handlers,
    /**
     * The store was replaced under this context: every session's cache describes a store that is
     * gone. The members their journals name are recomputed in the restored store.
     */
    async endAll() {
      for (const id of [...sessions.keys()]) await endSession(id, false);
      dropWarm();
      // Their journals stay: a backup taken mid-import has those members' stats behind their orders.
      await recoverJournals(db, now());
    },
    /** Ends a session whole, its waiting members written (its page is gone: file-import.ts). */
    end: (id: string) => endSession(id),
    /** A member a session under way created and has not written yet: written now (member-journal.ts writeEarly). */
    async writeWaitingMember(memberId: string): Promise<boolean> {
      for (const session of sessions.values()) {
        const deferred = (await session.cache.catch(() => undefined))?.deferred;
        if (deferred && (await writeEarly(db, deferred, memberId))) return true;
      }
      return false;
    },
    /** When the background starts: members a dead worker's import left waiting are brought up to date. */
    async recover() {
      await dropDeadUndo(db, (id) => sessions.has(id));
      await dropOldRecovered(db, now());
      return recoverDead();
    },
  };
}
