// Local -> outbox: committed writes to the shared tables noted as outbox rows (outgoing.ts), one noting
// after another. The service's listens from the moment the worker starts (service.ts), so a write made
// before the engine runs (the reminders' check as the worker starts, an edit while the session is to be
// signed in again) waits in the outbox like any other; an engine on its own listens from its start.
// Each write also leaves a note in the store, in its own transaction (lib/store/unsent.ts), cleared
// once its rows are in the outbox: what no noting took (the worker ended mid-noting, a page wrote while
// no worker listened) is noted when the noter starts listening.
import type { RegularsDb } from '../../store/database';
import { clearUnsent, unsentWrites } from '../../store/unsent';
import type { CommittedChange, SubscribeToCommitted } from './committed-changes';
import { outboxRows } from './outgoing';
import type { SyncStateDb } from './state';

export function outboxNoter(db: RegularsDb, state: SyncStateDb, subscribe: SubscribeToCommitted, wanted: () => boolean | Promise<boolean> = () => true) {
  /** Which noting this is (state.ts OutboxRow.mark): increasing across workers too. */
  let mark = Date.now();
  let queue: Promise<unknown> = Promise.resolve();
  /** Notings begun and not ended. */
  let busy = 0;
  let unsubscribe: (() => void) | undefined;
  let noted: (() => void) | undefined;

  /** Runs `run` after the notings before it (at once when there are none). */
  function queued(run: () => Promise<void>): Promise<void> {
    const task = busy ? queue.then(run) : run();
    busy++;
    queue = task.catch(() => undefined).finally(() => busy--);
    return task;
  }

  /** `unsent`: the store's notes of these writes, cleared once their rows are in the outbox (or not wanted). */
  async function noteNow(changes: readonly CommittedChange[], atJoin?: true, unsent?: string | readonly string[]): Promise<void> {
    // Checked without a pause when it can be: the row is in the outbox as soon after the write as may be.
    const want = wanted();
    const wants = want === true || (want !== false && (await want));
    const rows = wants && changes.length ? await outboxRows({ db, state }, changes, ++mark, atJoin) : [];
    if (rows.length) {
      await state.outbox.bulkPut(rows);
      noted?.();
    }
    if (unsent) await clearUnsent(db.caches, unsent);
  }

  /** Notes `changes` after those before them; resolves once their rows are in the outbox. */
  const note = (changes: readonly CommittedChange[], atJoin?: true, unsent?: string): Promise<void> => queued(() => noteNow(changes, atJoin, unsent));

  /** The writes no noting took (lib/store/unsent.ts), noted now. */
  const noteUnsent = () =>
    queued(async () => {
      const { notes, tables } = await unsentWrites(db.caches);
      if (notes.length) await noteNow([...tables].map(([table, keys]) => ({ table, keys: keys && [...keys] })), undefined, notes);
    });

  return {
    note,
    listen(): void {
      if (unsubscribe) return;
      const failed = (e: unknown) => console.error('Regulars: sync could not note a change', e);
      unsubscribe = subscribe((changes, unsent) => void note(changes, undefined, unsent).catch(failed));
      void noteUnsent().catch(failed);
    },
    unlisten(): void {
      unsubscribe?.();
      unsubscribe = undefined;
    },
    /** Resolves once every noting begun has ended. */
    async idle(): Promise<void> {
      while (busy) await queue;
    },
    /** Called after each noting that added rows (the engine wakes to send them); undefined stops it. */
    onNoted(f: (() => void) | undefined): void {
      noted = f;
    },
  };
}

export type OutboxNoter = ReturnType<typeof outboxNoter>;
