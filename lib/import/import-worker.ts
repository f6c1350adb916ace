// Reads order exports off the main thread: decoding, parsing and mapping a large file must not
// freeze the options page. Small files are read whole (for the preview); big ones are streamed in
// batches, each acknowledged by the page once stored, so memory stays flat.
import { readOrderExport, type ReadOptions, type ReadResult } from './read-export';
import { decodedChunks, streamOrderExport } from './stream-export';
import { sniffEncoding } from './decode';
import { unreadable } from './problem';
import { IMPORT_BATCH, type ImportedOrder } from '../domain/imported-order';
import { orderBatch } from './order-batch';

export type WorkerRequest =
  | { kind: 'read'; bytes: ArrayBuffer; fileName: string; options: ReadOptions }
  | { kind: 'stream'; file: File; options: ReadOptions }
  | { kind: 'ack' };

const post = (message: unknown) => (self as unknown as Worker).postMessage(message);
let acknowledged: (() => void) | undefined;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'ack') {
    acknowledged?.();
    return;
  }
  if (request.kind === 'read') {
    let result: ReadResult;
    try {
      result = readOrderExport(new Uint8Array(request.bytes), request.fileName, request.options);
    } catch (e) {
      result = unreadable(request.fileName, e);
    }
    // The preset object has functions: send only its name and id.
    post(result.ok ? { ...result, preset: { id: result.preset.id, label: result.preset.label, platform: result.preset.platform } } : result);
    return;
  }
  const { file, options } = request;
  const head = new Uint8Array(await file.slice(0, 65_536).arrayBuffer());
  // Each batch waits for the page to store it before the worker reads on. It goes as one JSON string,
  // made here, off the page's thread: the page passes it on to the background untouched.
  const batch = (orders: ImportedOrder[], problems: unknown[], progress: { bytes: number; totalBytes: number; rows: number }) => {
    const stored = new Promise<void>((resolve) => (acknowledged = resolve));
    post({ kind: 'batch', batch: orderBatch(orders), problems, progress });
    return stored;
  };
  // A spreadsheet (.xlsx, a zip) can't be read a piece at a time: read it whole, store in batches.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const whole = readOrderExport(new Uint8Array(await file.arrayBuffer()), file.name, options);
    if (!whole.ok) return post({ kind: 'done', result: whole });
    const progress = { bytes: file.size, totalBytes: file.size, rows: whole.rowCount };
    for (let i = 0; i < whole.orders.length || i === 0; i += IMPORT_BATCH) {
      await batch(whole.orders.slice(i, i + IMPORT_BATCH), i === 0 ? whole.problems : [], progress);
    }
    return post({ kind: 'done', result: { ok: true, preset: { id: whole.preset.id, label: whole.preset.label, platform: whole.preset.platform }, platform: whole.platform, encoding: whole.encoding, rowCount: whole.rowCount, orderCount: whole.orders.length, problemCount: whole.problems.length } });
  }
  const encoding = options.encoding ?? sniffEncoding(head);
  const result = await streamOrderExport(decodedChunks(file.stream(), encoding), file.name, { ...options, encoding }, file.size, batch);
  post({ kind: 'done', result: result.ok ? { ...result, preset: { id: result.preset.id, label: result.preset.label, platform: result.preset.platform } } : result });
};
