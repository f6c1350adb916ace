// Derived figures that follow the change stream: the RFM cut points and the reports' snapshot are
// recomputed a moment after orders or members change. An import session's batches are its own
// origin ('import:<session>'): the figures wait for the session's end instead of being recomputed
// between batches (which would re-read every member dozens of times during one file).
import { onCommitted, touches } from '../store/changes';
import type { RegularsDb } from '../store/database';
import { importOrigin, isImportOrigin } from '../domain/origins';

export { importOrigin, isImportOrigin };

/**
 * How long writes must pause before a keeper saves what it holds (the order ledger, the member
 * facts, the tiers), after an import session's write. Its batches come seconds apart, and each save
 * encodes everything held: saved at every pause between batches, a 200 MB file's ledger was encoded
 * once per batch (the work growing with the square of the file) and each encoding left tens of MB
 * of garbage in the worker while the import itself held the most. Once a session's writes stop
 * (its end), the keepers save after this long.
 */
export const IMPORT_SAVE_PAUSE_MS = 15_000;

/** The pause before a save after a write from `origin`. */
const savePauseAfter = (origin: string | undefined, delayMs: number, importPauseMs: number) =>
  isImportOrigin(origin) ? Math.max(delayMs, importPauseMs) : delayMs;

/**
 * Import sessions open now, each with the saves waiting for its end. A save never runs while the
 * session that wrote last is open: under load its batches came more than the pause apart, and a
 * save mid-import encoded everything held while the import held the most.
 */
const openSessions = new Map<string, (() => void)[]>();

/** An import session opened (import/handlers.ts): saves after its writes wait for its end. */
export function importSessionOpened(session: string): void {
  if (!openSessions.has(session)) openSessions.set(session, []);
}

/** It ended (finished, cancelled or idle): the saves that waited for it are scheduled again. */
export function importSessionClosed(session: string): void {
  const waiting = openSessions.get(session);
  openSessions.delete(session);
  for (const again of waiting ?? []) again();
}

/** The open session that wrote `origin`, if any. */
const openSessionOf = (origin: string | undefined) => {
  const session = isImportOrigin(origin) ? origin!.slice('import:'.length) : undefined;
  return session !== undefined && openSessions.has(session) ? session : undefined;
};

/**
 * The keepers' saves, one at a time: after an import they all come due at once (the same pause after
 * the same last write), and each encodes and writes what it holds; run together, a 200 MB file's
 * ledger, facts and tiers were all in flight at the same moment, the background's highest.
 */
let saves: Promise<unknown> = Promise.resolve();
const oneSaveAtATime = (save: () => Promise<unknown>) => (saves = saves.then(save, save));

/**
 * A keeper's save once writes pause: `wrote` notes who wrote last, `schedule` (re)starts the wait
 * (`delayMs`, or `importPauseMs` after an import session's write), `cancel` drops it. Saves of all
 * keepers run one after another. A save whose last write came from an import session still open
 * waits for that session's end, then for the pause again. A failed save is reported with `failure`
 * and left for the next write.
 */
export function saveAfterPause(save: () => Promise<unknown>, failure: string, delayMs: number, importPauseMs = IMPORT_SAVE_PAUSE_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastOrigin: string | undefined;
  /** The session this keeper's save waits for. */
  let waitingFor: string | undefined;
  const saving = {
    wrote: (origin: string | undefined) => void (lastOrigin = origin),
    schedule() {
      clearTimeout(timer);
      const due = () => {
        const open = openSessionOf(lastOrigin);
        if (open === undefined) return void oneSaveAtATime(() => save().catch((e) => console.warn(failure, e)));
        if (waitingFor === open) return;
        waitingFor = open;
        openSessions.get(open)!.push(() => {
          if (waitingFor !== open) return; // cancelled meanwhile
          waitingFor = undefined;
          saving.schedule();
        });
      };
      timer = setTimeout(due, savePauseAfter(lastOrigin, delayMs, importPauseMs));
    },
    cancel() {
      clearTimeout(timer);
      waitingFor = undefined;
    },
  };
  return saving;
}

/** `ended`: an import session's end, a pause in writes already: the figures are refreshed at once. */
export function keepDerivedFresh(db: RegularsDb, refresh: { ordersChanged(ended?: boolean): void; membersChanged(ended?: boolean): void }) {
  /** Sessions that wrote, and what they touched, until they end. */
  const waiting = new Map<string, { orders: boolean; members: boolean }>();
  const stop = onCommitted((change) => {
    if (change.db !== db.name) return;
    const orders = touches(change, ['orders']);
    const members = touches(change, ['members', 'identities', 'tierChanges']);
    if (!orders && !members) return;
    if (change.origin?.startsWith('import:')) {
      const seen = waiting.get(change.origin) ?? { orders: false, members: false };
      waiting.set(change.origin, { orders: seen.orders || orders, members: seen.members || members });
    } else if (orders) refresh.ordersChanged();
    else refresh.membersChanged();
  });
  return {
    /** An import session ended (finished, cancelled or idle): what it wrote is refreshed now. */
    importEnded(session: string) {
      const seen = waiting.get(importOrigin(session));
      waiting.delete(importOrigin(session));
      if (seen?.orders) refresh.ordersChanged(true);
      else if (seen?.members) refresh.membersChanged(true);
    },
    stop,
  };
}
