// Every member's tier, kept from the change stream: the one place tiers are decided. Member rows
// carry none (store/member-tiers.ts gives rows read their tier). A member written here (an import,
// an edit, a merge, a sync batch) is ranked again with the ladder in force; a move is recorded,
// one tierChanges record per batch of moves (domain/tier-moves.ts), and a member seen for the first
// time gets its tier without a move. A new ladder (applied here, or arriving from the team) ranks
// everyone again; a restore starts again from the rows, with no moves. The tiers are saved with the
// members' mark and the ladder they stand for, so a worker that wakes reads them instead of ranking
// 100k members, and measures the next moves from them.
import Dexie from 'dexie';
import { memberStats } from '../../domain/stats';
import { tierMovesRow, type TierMove } from '../../domain/tier-moves';
import { NO_TIER_FACTS } from '../../domain/suggest';
import { tierDirection, tierForStats, tierLadderSchema, type LadderApplied } from '../../domain/tiers';
import type { MemberRow } from '../../domain/rows';
import type { TierLadder } from '../../domain/types';
import { DAY_MS } from '../../domain/time';
import { keysOf, mayHaveWritten, onCommitted, rowsOf, touches } from '../../store/changes';
import { newId, type RegularsDb } from '../../store/database';
import { generationKey, newGeneration } from '../../store/generation';
import { generationOf } from '../../store/kept';
import { encodeTiers, ladderKey, MEMBER_TIERS_KEY, savedTiers, type StoredTiers, type TierTable } from '../../store/member-tiers';
import { TextMap } from '../../domain/text-map';
import { TextDictionary } from '../../domain/text-dictionary';
import { readSettings, writeSettings } from '../../store/settings';
import { orderLedger } from '../reports/order-ledger';
import { memberColumns, memberFacts, memberFactsKeeper, type FactMember } from '../segments/member-snapshot';
import { IMPORT_SAVE_PAUSE_MS, saveAfterPause } from '../derived';
import { lane } from '../lane';

/** Members read back per transaction when a write from elsewhere names many. */
const REREAD_BATCH = 5000;
/** Changed members beyond which a rolling window is summed over the order ledger instead of per member. */
const PER_MEMBER_WINDOW = 200;

type Ranked = Pick<MemberRow, 'id' | 'orderCount' | 'spendMinor'>;

export interface TierKeeper {
  /** Follows writes from now on and loads the tiers (from disk when current): the background calls it when it starts. */
  start(): void;
  /** Saves `ladder` and ranks every member with it: the moves in one record. */
  rerank(ladder: TierLadder, now: number): Promise<LadderApplied>;
  /** Resolves once every write seen so far is ranked and its moves are recorded. */
  settled(): Promise<void>;
  /** Saves the tiers now when they stand for the members' mark of now (tests; the keeper saves by itself once writes pause). */
  save(): Promise<boolean>;
  stop(): void;
}

/** `importPauseMs`: the pause before a save after an import session's write (derived.ts). */
export function tierKeeper(db: RegularsDb, clock: () => number, saveDelayMs = 1000, importPauseMs = IMPORT_SAVE_PAUSE_MS): TierKeeper {
  /** Member id → tier, its ids as bytes (text-map.ts); shared with the store's reads (rolling windows read it there). */
  let tiers: TextMap | undefined;
  /** The ladder `tiers` were ranked with, as JSON. */
  let rankedWith = '';
  let lastMark: string | undefined;
  let wanted = false;
  let reload = false;
  /** Members written since, with their rows when the change carried them (undefined: read back). */
  const pending = new Map<string, Ranked | undefined>();
  /**
   * Members an import session created, and the session: its later writes of them (the end of a
   * session writes every member it left waiting) give their first tier, not a move. Their ids as
   * bytes: after a 200 MB export, 270k of them as a Set were 5 MB of the JS heap and held every id a string.
   */
  let created: { origin: string; ids: TextDictionary } | undefined;
  /** The origin of the last write of each pending member. */
  const pendingOrigin = new Map<string, string | undefined>();
  let ladderChanged = false;

  const enqueue = lane('tiers', db.name);
  const ladderNow = () => db.memberTiers.ladder;

  /** Each member's tier under `ladder` at `now`: a rolling window sums the orders in it. */
  const rank = async (ladder: TierLadder, members: readonly Ranked[], now: number): Promise<string[]> => {
    const window = ladder.window;
    if (window === 'lifetime') return members.map((m) => tierForStats(ladder, m).id);
    const { shopCurrency } = await readSettings(db);
    const from = now - window.days * DAY_MS;
    if (members.length > PER_MEMBER_WINDOW) {
      const inWindow = (await orderLedger(db).current()).windowFacts(window.days, now, shopCurrency);
      return members.map((m) => tierForStats(ladder, inWindow.get(m.id) ?? NO_TIER_FACTS).id);
    }
    return Promise.all(
      members.map(async (m) => {
        const orders = await db.orders.where('[memberId+placedAt]').between([m.id, from], [m.id, Dexie.maxKey]).toArray();
        return tierForStats(ladder, orders.length ? memberStats(orders, shopCurrency) : NO_TIER_FACTS).id;
      }),
    );
  };

  /** Every member ranked under `ladder`, from the member facts (no member row read). */
  const rankAll = async (ladder: TierLadder, now: number): Promise<TextMap> => {
    const { columns, ids } = await memberColumns(db);
    const members = ids.map((id, i) => ({ id, orderCount: columns.orderCount[i]!, spendMinor: columns.spendMinor[i]! }));
    const ranked = await rank(ladder, members, now);
    const next = new TextMap();
    ids.forEach((id, i) => next.set(id, ranked[i]!));
    return next;
  };

  /** The moves from `before` to `after` (members new in `after` get theirs without one). */
  const movesBetween = (ladder: TierLadder, before: TierTable, after: Iterable<[string, string]>): TierMove[] => {
    const onLadder = new Set(ladder.steps.map((s) => s.id));
    const moves: TierMove[] = [];
    for (const [id, to] of after) {
      const from = before.get(id);
      if (from === undefined || from === to) continue;
      // A step taken off the ladder has no rank any more: its members move, but neither earned an upgrade nor lost one.
      moves.push({ memberId: id, from, to, direction: onLadder.has(from) ? tierDirection(ladder, from, to) : 'same' });
    }
    return moves;
  };

  const adopt = (next: TextMap, ladder: TierLadder) => {
    tiers = next;
    rankedWith = ladderKey(ladder);
    db.memberTiers.useKept(next);
  };

  const membersMark = () => generationOf(db, 'members');

  /** The tiers from disk when they stand for the members and ladder of now; else everyone ranked (moves against what was saved). */
  const load = async () => {
    pending.clear();
    const now = clock();
    const [stored, mark] = await db.transaction('r', [db.caches], () => Promise.all([db.caches.get(MEMBER_TIERS_KEY), membersMark()]));
    const value = stored?.value as StoredTiers | undefined;
    const saved = savedTiers(value);
    const ladder = ladderNow();
    lastMark = mark;
    if (saved && stored!.generation === mark && value!.ladder === ladderKey(ladder)) {
      adopt(saved, ladder);
      return;
    }
    const next = await rankAll(ladder, now);
    // Saved tiers of an earlier moment: who moved since is a move (a restore's are where it starts).
    const moves = saved && !reload ? movesBetween(ladder, saved, next) : [];
    adopt(next, ladder);
    if (moves.length) await db.tierChanges.add(tierMovesRow(newId('tc'), now, moves));
    scheduleSave();
  };

  /** Ranks the members written since, records their moves. */
  const drain = async (): Promise<void> => {
    if (reload || !tiers) {
      await load();
      reload = false;
    }
    if (ladderChanged) {
      ladderChanged = false;
      const parsed = tierLadderSchema.safeParse((await db.settings.get('tierLadder'))?.value);
      if (parsed.success && ladderKey(parsed.data) !== rankedWith) await rerankNow(parsed.data, clock(), false);
    }
    if (!pending.size) return;
    const now = clock();
    const ladder = ladderNow();
    const written: Ranked[] = [];
    const toRead: string[] = [];
    for (const [id, row] of pending) {
      if (row) written.push(row);
      else toRead.push(id);
    }
    pending.clear();
    for (let i = 0; i < toRead.length; i += REREAD_BATCH) {
      const ids = toRead.slice(i, i + REREAD_BATCH);
      const rows = await db.members.bulkGet(ids);
      ids.forEach((id, j) => (rows[j] ? written.push(rows[j]) : tiers!.delete(id)));
    }
    const ranked = await rank(ladder, written, now);
    const after = written.map((m, i): [string, string] => [m.id, ranked[i]!]);
    const firsts = created;
    const first = (id: string) => firsts !== undefined && firsts.ids.indexOf(id) !== undefined && pendingOrigin.get(id) === firsts.origin;
    const moves = movesBetween(ladder, tiers!, after).filter((m) => !first(m.memberId));
    pendingOrigin.clear();
    for (const [id, tier] of after) tiers!.set(id, tier);
    if (moves.length) await db.tierChanges.add(tierMovesRow(newId('tc'), now, moves));
    // The member facts took the tier a row showed when written; a rolling window's is the one ranked now.
    if (ladder.window !== 'lifetime' && lastMark) {
      const facts: FactMember[] = [];
      written.forEach((m, i) => 'tags' in m && facts.push({ ...(m as MemberRow), tierId: ranked[i]! }));
      memberFactsKeeper(db).retier(facts, lastMark);
    }
    scheduleSave();
  };

  /** Saves the ladder and ranks everyone with it, in one transaction with the moves and the tiers. */
  const rerankNow = async (ladder: TierLadder, now: number, writeLadder: boolean): Promise<LadderApplied> => {
    const started = performance.now();
    const phases: Record<string, number> = {};
    let at = started;
    const phase = (name: string) => {
      const t = performance.now();
      phases[name] = t - at;
      at = t;
    };
    const before: TierTable = tiers ?? new Map<string, string>();
    db.memberTiers.useLadder(ladder);
    const next = await rankAll(ladder, now);
    phase('facts');
    const moves = movesBetween(ladder, before, next);
    const up = moves.filter((m) => m.direction === 'up').length;
    const down = moves.filter((m) => m.direction === 'down').length;
    phase('decide');
    const mark = newGeneration();
    await db.transaction('rw', [db.settings, db.tierChanges, db.caches], async () => {
      if (writeLadder) await writeSettings(db, { tierLadder: ladder });
      if (moves.length) await db.tierChanges.add(tierMovesRow(newId('tc'), now, moves));
      // What is kept of the members (their facts on disk) carried the tiers before.
      if (moves.length) await db.caches.put({ key: generationKey('members'), value: mark });
      const current = moves.length ? mark : await membersMark();
      await db.caches.put({ key: MEMBER_TIERS_KEY, generation: current, builtAt: Date.now(), value: encodeTiers(ladderKey(ladder), next) });
    });
    phase('save');
    adopt(next, ladder);
    if (moves.length) {
      lastMark = mark;
      const moved = new Set(moves.map((m) => m.memberId));
      memberFactsKeeper(db).retier(
        (await memberFacts(db)).filter((m) => moved.has(m.id)).map((m) => ({ ...m, tierId: next.get(m.id)! })),
        mark,
      );
    }
    return { members: next.size, up, down, ms: performance.now() - started, phases };
  };

  const save = () =>
    enqueue(async () => {
      if (!tiers || reload || pending.size || lastMark === undefined) return false;
      const saved = encodeTiers(rankedWith, tiers);
      const mark = lastMark;
      return db.transaction('rw', [db.caches], async () => {
        if ((await membersMark()) !== mark) return false;
        await db.caches.put({ key: MEMBER_TIERS_KEY, generation: mark, builtAt: Date.now(), value: saved });
        return true;
      });
    });
  // A save waits longer while an import session writes.
  const saving = saveAfterPause(() => save(), 'Regulars: the member tiers were not saved', saveDelayMs, importPauseMs);
  const scheduleSave = () => saving.schedule();

  const stop = onCommitted((change) => {
    if (change.db !== db.name || !wanted) return;
    // Only the ladder re-ranks: not the reminders' notified time (every reconcile), a holiday or the report.
    if (mayHaveWritten(change, 'settings', ['tierLadder'])) ladderChanged = true;
    if (touches(change, ['members'])) {
      saving.wrote(change.origin);
      lastMark = change.marks?.members ?? lastMark;
      const keys = keysOf(change, 'members');
      if (keys === undefined) {
        reload = true;
        pending.clear();
      } else {
        // A delete in the same write may follow a put of the same member: then every key is read back.
        const deletes = change.tables.some((t) => t.table === 'members' && t.kind === 'delete');
        const rows = change.from === 'here' && !deletes ? rowsOf<MemberRow>(change, 'members') : undefined;
        const session = change.origin?.startsWith('import:') ? change.origin : undefined;
        if (session && created?.origin !== session) created = { origin: session, ids: new TextDictionary() };
        for (const k of keys) {
          pending.set(k, undefined);
          pendingOrigin.set(k, change.origin);
          if (session && tiers && !tiers.has(k)) created!.ids.index(k);
        }
        for (const row of rows ?? []) pending.set(row.id, row);
      }
    }
    if (ladderChanged || reload || pending.size) void enqueue(drain).catch((e) => console.error('Regulars: the member tiers could not follow a change', e));
  });

  return {
    start() {
      if (wanted) return;
      wanted = true;
      void enqueue(drain).catch((e) => console.warn('Regulars: the member tiers could not be loaded', e));
    },
    rerank(ladder, now) {
      wanted = true;
      return enqueue(async () => {
        await drain();
        return rerankNow(ladder, now, true);
      });
    },
    async settled() {
      if (!wanted) return;
      await enqueue(drain);
    },
    save,
    stop() {
      stop();
      saving.cancel();
    },
  };
}

const keepers = new WeakMap<RegularsDb, TierKeeper>();

/** The one keeper of this database's member tiers in this context (made on first call, with that call's clock). */
export function memberTierKeeper(db: RegularsDb, clock: () => number = Date.now): TierKeeper {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = tierKeeper(db, clock)));
  return keeper;
}
