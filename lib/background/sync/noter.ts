// Local -> outbox: committed writes to the shared tables noted as outbox rows (outgoing.ts), one noting
// after another. The service's listens from the moment the worker starts (service.ts), so a write made
// before the engine runs (the reminders' check as the worker starts, an edit while the session is to be
// signed in again) waits in the outbox like any other; an engine on its own listens from its start.
import type { RegularsDb } from '../../store/database';
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

  /** Notes `changes` after those before them; resolves once their rows are in the outbox. */
  function note(changes: readonly CommittedChange[], atJoin?: true): Promise<void> {
    const run = async () => {
      // Checked without a pause when it can be: the row is in the outbox as soon after the write as may be.
      const want = wanted();
      if (want === false || (want !== true && !(await want))) return;
      const rows = await outboxRows({ db, state }, changes, ++mark, atJoin);
      if (!rows.length) return;
      await state.outbox.bulkPut(rows);
      noted?.();
    };
    const task = busy ? queue.then(run) : run();
    busy++;
    queue = task.catch(() => undefined).finally(() => busy--);
    return task;
  }

  return {
    note,
    listen(): void {
      unsubscribe ??= subscribe((changes) => void note(changes).catch((e) => console.error('Regulars: sync could not note a change', e)));
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
