// A join under way (the team's shop arriving on a computer that just connected), kept in sync's own
// meta from its first read to "Synced": a worker stopped and restarted mid-join (the browser ends
// idle service workers) knows the store holds part of the shop before its engine runs again, holds
// the reminders' sweep meanwhile (reminders/scheduler.ts sweepHeld), and goes on with the join as
// one (its progress, its session) rather than as a plain catch-up. A join the server refuses (this
// user off the team, the database gone, the session ended) stops there: it would hold the sweep until
// the user acted, and the status line says what to do. It stays kept as refused, holding nothing, and
// is taken up again as a join (its progress line) once the agent signs in again.
import { catchUpSession } from '../../domain/origins';
import type { RegularsDb } from '../../store/database';
import { readMeta, writeMeta, type SyncStateDb } from './state';

const JOIN_KEY = 'join';

export interface JoinUnderWay {
  /** Documents in the team database when the join began, and how many have been applied since. */
  total: number;
  done: number;
  startedAt: number;
  /** When it began or last wrote a batch: a worker that takes it up later moves its start by the time since, when none read. */
  lastAt?: number | undefined;
  /** The import-like session its writes belong to (committed-changes.ts catchUpSession). */
  session: string;
  /**
   * What it has written so far, told at its end (engine.ts onApplied), also by the worker that ends it
   * after a restart. Beyond KEPT_MEMBERS the reminders sweep the whole shop anyway (team-changes.ts): 'all'.
   */
  seen?: { tables: string[]; members: string[] | 'all' } | undefined;
  /** When the server refused it: it holds nothing until taken up again (what it wrote was told then). */
  refusedAt?: number | undefined;
  /**
   * Every shadow kept was written from this join's feed: it began with none, and its catch-up has not
   * ended (nothing pushes before). The rest of it, after a restart or a dropped line, packs its shadows
   * too (shadows.ts packShadows). Cleared as its catch-up ends, before anything is pushed.
   */
  feedOnly?: true | undefined;
}

/** What a join wrote: the tables, and the members the reminders follow. */
export interface JoinSeen {
  tables: Set<string>;
  members: Set<string>;
}

const KEPT_MEMBERS = 1000;

/** What a join (begun here or before a restart) has written so far; 'all' is every member here now. */
export async function seenOf(db: RegularsDb, join: JoinUnderWay): Promise<JoinSeen> {
  const members = join.seen?.members ?? [];
  return { tables: new Set(join.seen?.tables), members: new Set(members === 'all' ? ((await db.members.toCollection().primaryKeys()) as string[]) : members) };
}

export const readJoin = (state: SyncStateDb) => readMeta<JoinUnderWay>(state, JOIN_KEY);
/** A join under way and not refused: the store holds part of the team's shop, and the rest is on its way. */
export async function joinHolding(state: SyncStateDb): Promise<JoinUnderWay | undefined> {
  const join = await readJoin(state);
  return join?.refusedAt === undefined ? join : undefined;
}
export const writeJoin = (state: SyncStateDb, join: JoinUnderWay) => writeMeta(state, JOIN_KEY, join);
/** The join ended ("Synced"), or this computer left the team (Disconnect): what is here is no longer half of anything. */
export const endJoin = (state: SyncStateDb) => state.meta.delete(JOIN_KEY);

/** Keeps the join under way, if any, as refused at `at` (what it wrote is told by the caller). */
async function keepRefused(state: SyncStateDb, at: number): Promise<JoinUnderWay | undefined> {
  const join = await readJoin(state);
  if (!join || join.refusedAt !== undefined) return undefined;
  await writeJoin(state, { ...join, seen: undefined, refusedAt: at });
  return join;
}

/**
 * The server refused a join a restarted worker left under way (the session ended meanwhile): it will
 * not end by itself, so it stops holding here (the reminders' sweep it held runs); returns what it had
 * written, for the reminders, or undefined when no join was under way.
 */
export async function refuseJoin(db: RegularsDb, state: SyncStateDb, at: number): Promise<(JoinSeen & { session: string }) | undefined> {
  const join = await keepRefused(state, at);
  return join && { ...(await seenOf(db, join)), session: join.session };
}

type Progress = { done: number; total: number; startedAt: number };

/**
 * The engine's join: begun at the first read (kept before anything arrives), found again after a
 * restart, counted batch by batch, ended at "Synced". `show` sets the status line's progress.
 */
export function joinKeeper(state: SyncStateDb, show: (progress: Progress) => void) {
  let join: JoinUnderWay | undefined;
  const keep = async (j: JoinUnderWay) => {
    join = j;
    await writeJoin(state, j);
    show({ done: j.done, total: j.total, startedAt: j.startedAt });
    return j;
  };
  return {
    begin: (total: number, startedAt: number, session: string) => keep({ total, done: 0, startedAt, lastAt: startedAt, session }),
    /**
     * The join a restarted worker left under way, or one refused before (signed in again), if any, as
     * the status line shows it again, its start moved by the pause (since its last batch, or since the
     * refusal), so the time left is reckoned from the time spent reading, not the hours the browser
     * was closed. A refused one goes on as a new session (the old one was told).
     */
    async resume(now: number): Promise<JoinUnderWay | undefined> {
      const j = await readJoin(state);
      if (!j) return undefined;
      const paused = (since: number | undefined) => (since === undefined ? 0 : Math.max(0, now - since));
      if (j.refusedAt === undefined) return keep({ ...j, startedAt: j.startedAt + paused(j.lastAt), lastAt: now });
      const { total, done, startedAt, refusedAt } = j;
      return keep({ total, done, startedAt: startedAt + paused(refusedAt), lastAt: now, session: catchUpSession(now) });
    },
    async applied(count: number, seen: JoinSeen | undefined, at: number): Promise<void> {
      const kept = seen && { tables: [...seen.tables], members: seen.members.size > KEPT_MEMBERS ? ('all' as const) : [...seen.members] };
      if (join) await keep({ ...join, done: join.done + count, lastAt: at, ...(kept ? { seen: kept } : {}) });
    },
    /** Whether every shadow kept came from this join's feed (JoinUnderWay.feedOnly). */
    feedOnly: () => join?.feedOnly === true,
    /** Marks (or clears) that every shadow kept came from this join's feed. */
    async setFeedOnly(on: boolean): Promise<void> {
      if (!join || (join.feedOnly === true) === on) return;
      const { feedOnly: _, ...rest } = join;
      await keep(on ? { ...rest, feedOnly: true } : rest);
    },
    /** "Synced". */
    async end(): Promise<void> {
      if (join) await endJoin(state);
      join = undefined;
    },
    /** Refused (the status line tells the server's answer): kept as refused, taken up again at the next sign-in. */
    async refuse(at: number): Promise<void> {
      join = undefined;
      await keepRefused(state, at);
    },
  };
}
