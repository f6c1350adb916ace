// The background's order ledger (lib/domain/order-ledger.ts), kept from the change stream: each
// committed write to orders records the orders it names as they now are: the rows a write in this
// context put come with its change (an import batch's), the others (deletes, another context's
// writes) are read back, so the report's order figures and a rolling tier
// window are a pass over memory, never a read of 300k rows. Loaded on first need from its record on
// disk when current, else built from the rows once; a range delete (a restore) builds it again.
// Saved to disk once writes pause, so a service worker that wakes finds it.
import type { LedgerColumns, OrderLedger } from '../../domain/order-ledger';
import type { OrderRow } from '../../domain/rows';
import { keysOf, onCommitted, rowsOf, touches } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import { decodeKept, readKeptColumns, scanLedger, writeKeptLedger } from '../../store/order-ledger';
import { IMPORT_SAVE_PAUSE_MS, saveAfterPause } from '../derived';
import { lane } from '../lane';

/** Orders re-read per transaction when a write names many (an import batch). */
const REREAD_BATCH = 5000;

/** How the ledger was last loaded, for tests and the benchmark. */
export const ledgerLoads = { disk: 0, scans: 0, saves: 0 };

export interface LedgerKeeper {
  /** Follows writes from now on, with the kept record read (not yet decoded): the background calls it when it starts. */
  start(): void;
  /** The ledger with every write committed so far in it. Shared: never change it. */
  current(): Promise<OrderLedger>;
  /** Saves it now (tests; the keeper saves by itself once writes pause). */
  save(): Promise<boolean>;
  stop(): void;
}

/** `importPauseMs`: the pause before a save after an import session's write (derived.ts). */
export function orderLedgerKeeper(db: RegularsDb, saveDelayMs = 3000, importPauseMs = IMPORT_SAVE_PAUSE_MS): LedgerKeeper {
  let ledger: OrderLedger | undefined;
  /** The record read from disk, current when read; the writes since are in `pending`. */
  let kept: LedgerColumns | undefined;
  /** Set once started or asked: before that, writes are not followed (the first load reads them). */
  let wanted = false;
  let reload = false;
  /** A load is under way: the writes meanwhile are gathered, and read again after it. */
  let loading = false;
  const pending = new Set<string>();
  /** Orders put in this context, as their change carried them: recorded without a read (before `pending` is read back). */
  const carried = new Map<string, OrderRow>();

  /** Reads the kept record (current when read: the writes after it gather in `pending`). */
  const readKept = async () => {
    pending.clear();
    carried.clear();
    loading = true;
    try {
      kept = await readKeptColumns(db);
    } finally {
      loading = false;
    }
  };
  /** Brings the ledger up to date; `need`: load it if it is not (else only a loaded one follows). */
  const drain = async (need: boolean): Promise<OrderLedger | undefined> => {
    if (reload) {
      reload = false;
      ledger = kept = undefined;
      carried.clear();
    }
    if (!ledger && !kept) {
      if (!need) return undefined;
      await readKept();
    }
    if (!ledger && kept) {
      ledger = decodeKept(kept);
      kept = undefined;
      if (ledger) ledgerLoads.disk++;
    }
    if (!ledger) {
      pending.clear(); // every write before this point is in what is scanned now
      carried.clear();
      loading = true;
      try {
        ledger = await scanLedger(db);
      } finally {
        loading = false;
      }
      ledgerLoads.scans++;
      scheduleSave();
    }
    if (carried.size && !reload) {
      for (const [id, row] of carried) ledger.set(id, row);
      carried.clear();
      scheduleSave();
    }
    while (pending.size && !reload) {
      const ids = [...pending].slice(0, REREAD_BATCH);
      for (const id of ids) pending.delete(id);
      const rows = await db.orders.bulkGet(ids);
      ids.forEach((id, i) => ledger!.set(id, rows[i]));
      scheduleSave();
    }
    return reload ? drain(need) : ledger;
  };
  const enqueue = lane('ledger');
  const save = () =>
    enqueue(async () => {
      if (!ledger || reload) return false;
      const saved = await writeKeptLedger(db, ledger, () => pending.size === 0 && carried.size === 0 && !reload);
      if (saved) ledgerLoads.saves++;
      return saved;
    });
  // A save waits longer while an import session writes.
  const saving = saveAfterPause(() => save(), 'Regulars: the order ledger was not saved', saveDelayMs, importPauseMs);
  const scheduleSave = () => saving.schedule();

  const stop = onCommitted((change) => {
    if (change.db !== db.name || !wanted || !touches(change, ['orders'])) return;
    saving.wrote(change.origin);
    const keys = keysOf(change, 'orders');
    if (keys === undefined) reload = true;
    else if (ledger || kept || loading) {
      // A delete in the same write may follow a put of the same order: then every key is read back.
      const deletes = change.tables.some((t) => t.table === 'orders' && t.kind === 'delete');
      const rows = change.from === 'here' && !loading && !deletes ? rowsOf<OrderRow>(change, 'orders') : undefined;
      const put = new Set<string>();
      for (const row of rows ?? []) {
        carried.set(row.id, row);
        put.add(row.id);
      }
      for (const k of keys) if (!put.has(k)) pending.add(k);
    }
    void enqueue(() => drain(false)).catch((e) => console.error('Regulars: the order ledger could not follow a change', e));
  });
  return {
    start() {
      if (wanted) return;
      wanted = true;
      const prime = async () => {
        if (ledger || kept) return;
        await readKept();
        if (!kept) await drain(true); // none on disk (a new install, a crash before a save): built from the rows now
      };
      void enqueue(prime).catch((e) => console.warn('Regulars: the kept order ledger could not be read', e));
    },
    async current() {
      wanted = true;
      return (await enqueue(() => drain(true)))!;
    },
    save,
    stop() {
      stop();
      saving.cancel();
    },
  };
}

const keepers = new WeakMap<RegularsDb, LedgerKeeper>();

/** The one keeper of this database's ledger in this context (made on first call). */
export function orderLedger(db: RegularsDb): LedgerKeeper {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = orderLedgerKeeper(db)));
  return keeper;
}
