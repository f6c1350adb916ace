// One order export file → orders ready for the store, and every problem with its row and column.
import type { Platform } from '../db/rows';
import { decodeBytes, type Encoding } from './decode';
import type { ImportedOrder } from './imported-order';
import { detectPreset } from './presets';
import type { ImportProblem, ImportPreset } from './presets/types';
import { parseTable } from './table';

export interface ReadOptions {
  timeZone: string;
  currency: string;
  /** Record the orders under this platform instead of the preset's (e.g. Daraz files through Lazada's preset). */
  platform?: Platform | undefined;
  encoding?: Encoding | undefined;
}

export type ReadResult =
  | { ok: true; fileName: string; preset: ImportPreset; platform: Platform; encoding: Encoding; rowCount: number; orders: ImportedOrder[]; problems: ImportProblem[] }
  | { ok: false; fileName: string; message: string };

export function readOrderExport(bytes: Uint8Array, fileName: string, options: ReadOptions): ReadResult {
  if (bytes.length === 0) return { ok: false, fileName, message: `${fileName} is empty. Export the orders again and choose the new file.` };
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    return { ok: false, fileName, message: `${fileName} is not a text table (it looks like a binary file). Choose the CSV your marketplace exported.` };
  }
  const decoded = decodeBytes(bytes, options.encoding);
  const table = parseTable(decoded.text);
  if (table.headers.length < 2 || table.rows.length === 0) {
    return { ok: false, fileName, message: `${fileName} has no table of orders in it: expected a header row and at least one order row.` };
  }
  const preset = detectPreset(table);
  if (!preset) {
    return { ok: false, fileName, message: `${fileName}: these columns don't match any export Regulars knows (${table.headers.slice(0, 6).join(', ')}…).` };
  }
  const platform = options.platform ?? preset.platform;
  const { orders, problems } = preset.read(table, { timeZone: options.timeZone, currency: options.currency, platform });
  return { ok: true, fileName, preset, platform, encoding: decoded.encoding, rowCount: table.rows.length, orders, problems };
}
