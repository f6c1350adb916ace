// A big export read where it is stored: the options page hands the file over (a File crosses to the
// service worker as a handle, not a copy) and asks a few times a second what was stored. Before, a
// worker of the page parsed it and every batch went as JSON through the page to here: a second
// isolate whose heap held 88–135 MB for 14 MB live through a 200 MB import, beside this one's.
// Reading the next batch still overlaps storing this one: the store waits on IndexedDB, not on us.
import type { Handlers } from '../../messaging/router';
import type { RequestOf, ResponseOf } from '../../messaging/protocol';
import { decodedChunks, streamOrderExport, type StreamProgress } from '../../import/stream-export';
import { sniffEncoding, type Encoding } from '../../import/decode';
import { orderBatch } from '../../import/order-batch';
import { DistinctKeys } from '../../import/distinct-keys';
import { refused } from '../../import/problem';
import type { ImportProblem } from '../../import/presets/types';

type Progress = ResponseOf<'orders.importFileProgress'>;
type StoreBatch = (rowsJson: string, session: string) => Promise<ResponseOf<'orders.import'>>;

/**
 * A page that has not asked for this long is gone (closed mid-import): the reading stops, as its
 * worker's did. Only for a page that holds no port for its reading (`pageHolds`): one that does is
 * there while the port is open, however seldom it asks (a tab hidden for 5 minutes may run its timers
 * once a minute), and gone as soon as it closes.
 */
export const PAGE_GONE_MS = 20_000;
/** How often a reading calls `keepAwake`: under the 30 s a service worker is left idle before it is stopped. */
export const KEEP_AWAKE_MS = 20_000;
/** A read through that no page asked about for this long is forgotten. */
const UNCLAIMED_MS = 120_000;

interface Reading {
  id: string;
  stored: Progress['stored'];
  problems: ImportProblem[];
  progress: StreamProgress;
  done?: NonNullable<Progress['done']>;
  seen?: Float64Array;
  stopped: boolean;
  askedAt: number;
  /** Its session was ended here (its page gone). */
  ended?: boolean;
  /** Once read through: ends its session if its page is gone and has not taken the answer. */
  endIfGone?: () => void;
}

class Stopped extends Error {}

export interface FileImportOptions {
  clock?: () => number;
  /** Orders a batch: IMPORT_BATCH unless fewer are asked (tests, to go through several batches of a small file). */
  batchOrders?: number;
  /**
   * Ends a session whose page went away (closed mid-import): its waiting members are written now,
   * where they would otherwise wait for its idle end, or, the worker stopped meanwhile (an idle worker
   * lasts 30 s), for its next start.
   */
  endAbandoned?: (session: string) => Promise<unknown>;
  /**
   * Called every KEEP_AWAKE_MS while a file is read: an extension API call, which keeps the service
   * worker from being stopped as idle (30 s without an event or such a call). The page's asking does
   * that too, but a tab hidden for 5 minutes may ask once a minute.
   */
  keepAwake?: () => void;
  keepAwakeMs?: number;
  /** Runs the check that the page is gone, `ms` from now. */
  later?: (check: () => void, ms: number) => void;
}

/** How the background hands a page's port for reading `id` over: `onClose` tells its closing. */
export type PageHolds = (id: string, onClose: (listener: () => void) => void) => void;

export function fileImports(storeBatch: StoreBatch, options: FileImportOptions = {}) {
  const { clock = () => performance.now(), later = (check, ms) => void setTimeout(check, ms), batchOrders, keepAwake, keepAwakeMs = KEEP_AWAKE_MS } = options;
  const readings = new Map<string, Reading>();
  /** The readings whose page holds a port: open while the page is, closed once it is gone. */
  const held = new Map<string, 'open' | 'closed'>();
  const forgetUnclaimed = () => {
    for (const [id, r] of readings) if (clock() - r.askedAt > UNCLAIMED_MS && held.get(id) !== 'open') forget(id);
  };

  const pageGone = (reading: Reading) => {
    const port = held.get(reading.id);
    return port === 'closed' || (port === undefined && clock() - reading.askedAt > PAGE_GONE_MS);
  };
  const forget = (id: string) => {
    readings.delete(id);
    held.delete(id);
  };
  /** A page gone: no one will end the session, or cancel it (a page that stops its import cancels it after). */
  const endAbandoned = (session: string) => void options.endAbandoned?.(session).catch((e: unknown) => console.error('Regulars: an import left by its page could not finish', e));

  const read = async (request: RequestOf<'orders.importFile'>, reading: Reading) => {
    const { file, fileName, session, options } = request;
    // The orders the session went through, this file's counted on from the page's count (which has the
    // session's files before this one): the union goes back with the end, and is let go here.
    const seen = new DistinctKeys();
    if (request.seen) seen.addHashes(request.seen);
    /** The batch being stored, while the next is read. */
    const inFlight: Promise<unknown>[] = [];
    let failed: unknown;
    let halted = false;
    const onBatch = async (orders: Parameters<typeof orderBatch>[0], problems: ImportProblem[], progress: StreamProgress) => {
      // This batch was read while the one before was stored; it goes once that one is.
      await inFlight.shift();
      if (reading.stopped || pageGone(reading)) {
        halted = true;
        throw new Stopped();
      }
      if (failed) throw failed;
      const batch = orderBatch(orders);
      for (const key of batch.keys) seen.add(key);
      const sent = storeBatch(batch.json, session).then(
        (result) => {
          reading.stored.push({ result, orders: orders.length });
          reading.problems.push(...problems);
          reading.progress = progress;
        },
        (e: unknown) => (failed ??= e),
      );
      inFlight.push(sent);
    };
    const awake = keepAwake && setInterval(keepAwake, keepAwakeMs);
    let result: Awaited<ReturnType<typeof streamOrderExport>>;
    try {
      const head = new Uint8Array(await file.slice(0, 65_536).arrayBuffer());
      const encoding = (options.encoding as Encoding | undefined) ?? sniffEncoding(head);
      result = await streamOrderExport(decodedChunks(file.stream(), encoding), fileName, { ...options, encoding }, file.size, onBatch, { batchOrders });
      await Promise.all(inFlight);
    } finally {
      clearInterval(awake);
    }
    if (halted) {
      reading.done = { ok: false, refusal: refused('stopped'), message: 'stopped' };
    } else if (failed) {
      reading.done = { ok: false, message: failed instanceof Error ? failed.message : String(failed) };
    } else {
      reading.done = result.ok ? { ...result, preset: { id: result.preset.id, label: result.preset.label } } : result;
    }
    reading.seen = seen.hashes();
    if (reading.stopped) return;
    // Read through (or cut short) with no page asking: its session is ended here. A page that still
    // asks takes the answer and ends the session itself.
    const unclaimed = () => readings.get(request.id) === reading && !reading.ended && !reading.stopped && pageGone(reading);
    const end = () => {
      reading.ended = true;
      endAbandoned(session);
    };
    reading.endIfGone = () => unclaimed() && end();
    if (unclaimed()) end();
    else if (!held.has(request.id)) later(reading.endIfGone, PAGE_GONE_MS + 1);
  };

  const handlers: Pick<Handlers, 'orders.importFile' | 'orders.importFileProgress' | 'orders.importFileStop'> = {
    'orders.importFile': async (request) => {
      forgetUnclaimed();
      if (readings.has(request.id)) return { started: false };
      const progress = { bytes: 0, totalBytes: request.file.size, rows: 0 };
      const reading: Reading = { id: request.id, stored: [], problems: [], progress, stopped: false, askedAt: clock() };
      readings.set(request.id, reading);
      void read(request, reading).catch((e: unknown) => {
        reading.done = { ok: false, message: e instanceof Error ? e.message : String(e) };
      });
      return { started: true };
    },
    'orders.importFileProgress': async ({ id }) => {
      const reading = readings.get(id);
      if (!reading) return { lost: true, stored: [], problems: [], progress: { bytes: 0, totalBytes: 0, rows: 0 } };
      reading.askedAt = clock();
      const answer: Progress = { stored: reading.stored.splice(0), problems: reading.problems.splice(0), progress: reading.progress };
      if (reading.done) {
        forget(id);
        return { ...answer, done: reading.done, ...(reading.seen ? { seen: reading.seen } : {}) };
      }
      return answer;
    },
    'orders.importFileStop': async ({ id }) => {
      const reading = readings.get(id);
      if (reading) reading.stopped = true;
      return { stopped: reading !== undefined };
    },
  };
  /**
   * The page of reading `id` holds a port for it (it may open before the reading starts): `onClose`
   * is how the port tells its closing. A reading read through by then ends its session at once.
   */
  const pageHolds: PageHolds = (id, onClose) => {
    held.set(id, 'open');
    onClose(() => {
      if (!held.has(id)) return;
      held.set(id, 'closed');
      readings.get(id)?.endIfGone?.();
    });
  };
  return { handlers, pageHolds };
}
