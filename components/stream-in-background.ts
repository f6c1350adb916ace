// The page's side of a big file read by the background (lib/background/import/file-import.ts): it
// hands the file over, then asks a few times a second what was stored. The asking is what keeps the
// background's worker running through a long import. A port the page holds meanwhile (`hold`) tells
// the background it is still there, however seldom a hidden tab's timers let it ask, and that it is
// gone as soon as it closes; without one, not asking for 20 s says so.
import type { RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { DistinctKeys } from '@/lib/import/distinct-keys';
import type { ImportProblem } from '@/lib/import/presets/types';
import type { ReadOptions } from '@/lib/import/read-export';
import type { StreamProgress } from '@/lib/import/stream-export';
import { refused, type Refusal } from '@/lib/import/problem';
import { BackgroundGone } from '@/lib/messaging/worker-post';
import { streamInWorker, type StreamSummary } from './read-in-worker';

type Ask = <N extends 'orders.importFile' | 'orders.importFileProgress' | 'orders.importFileStop'>(name: N, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

/** One batch the background stored: what it changed, and how many orders it held. */
export type StoredBatch = ResponseOf<'orders.importFileProgress'>['stored'][number];

export type OnStored = (stored: StoredBatch[], problems: ImportProblem[], progress: StreamProgress) => void;

/** How often the page asks (ms). */
const ASK_MS = 250;

export interface BackgroundStreamOptions {
  askMs?: number;
  /** Holds a port for reading `id` until the returned release is called. */
  hold?: (id: string) => () => void;
}

/**
 * Streams `file` into `session` through the background. `seen` counts the session's orders: the
 * background counts on from it and gives the union back when the file is through.
 */
export function streamInBackground(
  ask: Ask,
  file: File,
  options: ReadOptions,
  session: string,
  seen: DistinctKeys,
  onStored: OnStored,
  { askMs = ASK_MS, hold }: BackgroundStreamOptions = {},
): { done: Promise<StreamSummary>; stop(): void } {
  const id = crypto.randomUUID();
  let stopped = false;
  const release = hold?.(id);
  const run = async (): Promise<StreamSummary> => {
    await ask('orders.importFile', { id, session, file, fileName: file.name, options, seen: seen.hashes() });
    for (;;) {
      await new Promise((r) => setTimeout(r, askMs));
      const answer = await ask('orders.importFileProgress', { id });
      if (answer.lost) throw new BackgroundGone();
      if (answer.stored.length || answer.problems.length) onStored(answer.stored, answer.problems as ImportProblem[], answer.progress);
      if (!answer.done) continue;
      if (answer.seen) seen.addHashes(answer.seen);
      const done = answer.done;
      return done.ok ? done : { ok: false, message: done.message, ...(done.refusal ? { refusal: done.refusal as Refusal } : {}) };
    }
  };
  const done = run()
    .catch((e: unknown): StreamSummary => ({ ok: false, error: e, message: e instanceof Error ? e.message : String(e) }))
    .finally(() => release?.());
  return {
    done: done.then((summary) => (stopped ? { ok: false, refusal: refused('stopped'), message: 'stopped' } : summary)),
    stop() {
      if (stopped) return;
      stopped = true;
      void ask('orders.importFileStop', { id }).catch(() => undefined);
    },
  };
}

/**
 * A big file read by a worker of this page and stored by `importBatch`, batch after batch: where the
 * background can't read it itself (a spreadsheet, read whole; no service worker to hand it to).
 */
export function streamThroughPage(
  makeWorker: () => Worker,
  importBatch: (rowsJson: string, session: string) => Promise<StoredBatch['result']>,
  file: File,
  options: ReadOptions,
  session: string,
  seen: DistinctKeys,
  onStored: OnStored,
): { done: Promise<StreamSummary>; stop(): void } {
  return streamInWorker(makeWorker, file, options, async (batch, problems, progress) => {
    const result = await importBatch(batch.json, session);
    for (const key of batch.keys) seen.add(key);
    onStored([{ result, orders: batch.keys.length }], problems, progress);
  });
}

type Stream = { done: Promise<StreamSummary>; stop(): void };

/**
 * The background reads a big file where it can (`canHand`: there is a service worker to hand it to);
 * this page's worker reads a spreadsheet (a zip: read whole, not a piece at a time), or any file where
 * there is none.
 */
export function streamEither(file: File, canHand: () => Promise<boolean>, inBackground: () => Stream, inPage: () => Stream): Stream {
  let chosen: Stream | undefined;
  let stopped = false;
  const done = (async () => {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    chosen = !zip && (await canHand().catch(() => false)) ? inBackground() : inPage();
    if (stopped) chosen.stop();
    return chosen.done;
  })();
  return {
    done,
    stop() {
      stopped = true;
      chosen?.stop();
    },
  };
}
