// Reads an order export off the main thread: decoding, parsing and mapping a large file must not
// freeze the options page.
import { readOrderExport, type ReadOptions, type ReadResult } from './read-export';

export interface WorkerRequest {
  bytes: ArrayBuffer;
  fileName: string;
  options: ReadOptions;
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { bytes, fileName, options } = event.data;
  let result: ReadResult;
  try {
    result = readOrderExport(new Uint8Array(bytes), fileName, options);
  } catch (e) {
    result = { ok: false, fileName, message: `${fileName} could not be read: ${(e as Error).message}` };
  }
  // The preset object has functions: send only its name and id.
  (self as unknown as Worker).postMessage(result.ok ? { ...result, preset: { id: result.preset.id, label: result.preset.label, platform: result.preset.platform } } : result);
};
