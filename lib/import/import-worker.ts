// Reads order exports off the main thread: decoding, parsing and mapping a large file must not
// freeze the options page. Small files are read whole (for the preview); big ones are streamed in
// batches, each acknowledged by the page once stored, so memory stays flat.
import { readOrderExport, type ReadOptions, type ReadResult } from './read-export';
import { decodedChunks, sniffEncoding, streamOrderExport } from './stream-export';

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
      result = { ok: false, fileName: request.fileName, message: `${request.fileName} could not be read: ${(e as Error).message}` };
    }
    // The preset object has functions: send only its name and id.
    post(result.ok ? { ...result, preset: { id: result.preset.id, label: result.preset.label, platform: result.preset.platform } } : result);
    return;
  }
  const { file, options } = request;
  const head = new Uint8Array(await file.slice(0, 65_536).arrayBuffer());
  const encoding = options.encoding ?? sniffEncoding(head);
  const result = await streamOrderExport(decodedChunks(file.stream(), encoding), file.name, { ...options, encoding }, file.size, async (orders, problems, progress) => {
    const stored = new Promise<void>((resolve) => (acknowledged = resolve));
    post({ kind: 'batch', orders, problems, progress });
    await stored;
  });
  post({ kind: 'done', result: result.ok ? { ...result, preset: { id: result.preset.id, label: result.preset.label, platform: result.preset.platform } } : result });
};
