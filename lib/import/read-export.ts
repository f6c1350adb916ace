// One order export file → orders ready for the store, and every problem with its row and column.
import type { Platform } from '../domain/rows';
import type { OrderStatus } from '../domain/types';
import { decodeBytes, type Encoding } from './decode';
import { genericPreset, type GenericMapping } from './generic';
import type { ImportedOrder } from '../domain/imported-order';
import { detectPreset, nearestPreset, presetColumns } from './presets';
import type { ImportProblem, ImportPreset, MappedField } from './presets/types';
import { columnOf, columnValues, parseTable, tableFromRows, type ColumnValues, type Table } from './table';
import { isZip, readXlsx } from './xlsx';
import { refused, refusedAs, type Refusal } from './problem';

export interface ReadOptions {
  timeZone: string;
  currency: string;
  /** Record the orders under this platform instead of the preset's (e.g. Daraz files through Lazada's preset). */
  platform?: Platform | undefined;
  encoding?: Encoding | undefined;
  /** The user's own column mapping, for a file no preset knows (plain data: it crosses to the worker). */
  mapping?: GenericMapping | undefined;
}

export type ReadResult =
  | {
    ok: true;
    fileName: string;
    preset: ImportPreset;
    platform: Platform;
    encoding: Encoding;
    rowCount: number;
    orders: ImportedOrder[];
    problems: ImportProblem[];
    headers: string[];
    /** Which header each field was read from, for the preview. */
    columns: [MappedField, string][];
    /** The few distinct values of each column (a status column's words), for the mapping. */
    values: ColumnValues;
  }
  | {
    ok: false;
    fileName: string;
    /** Why the file is refused, for the screen to translate; its English `message`. */
    refusal: Refusal;
    message: string;
    /** Why, when the page says it in the reader's language: no preset knows these columns. */
    unknownColumns?: true;
    /** The header row found, so a mapping can be offered. */
    headers?: string[];
    /** A known export the file nearly is: its mapping is offered prefilled (plain data, it crosses to the page). */
    near?: NearPreset;
    values?: ColumnValues;
  };

export interface NearPreset {
  id: string;
  label: string;
  platform: Platform;
  /** Its signature columns this file lacks (renamed or cut). */
  missing: string[];
  /** The fields found where the preset reads them. */
  columns: [MappedField, string][];
  /** What an empty status cell means in that export, if it says. */
  emptyStatus?: OrderStatus;
}

/** A refused read: the refusal, and its English sentence (with a detail for logs, if any). */
function failure(fileName: string, refusal: Refusal, detail?: string) {
  return { ok: false as const, fileName, refusal, message: detail ? `${refusal.message} ${detail}` : refusal.message };
}

/** Some exports put notes above the header (eBay): the header is the first row a preset (or the user's mapping) knows. */
export function headerTest(mapping: GenericMapping | undefined): (cells: string[]) => boolean {
  return (cells) => (mapping ? columnOf(cells, mapping.orderNo) >= 0 : detectPreset({ headers: cells }) !== undefined || nearestPreset(cells) !== undefined);
}

/** Why a header no preset reads is refused: a preset it nearly is (with the columns it lacks), or columns nothing knows. */
export function unknownHeaders(fileName: string, headers: string[]): { refusal: Refusal; near?: NearPreset } {
  const near = nearestPreset(headers);
  if (!near) return { refusal: refused('unknownColumns', { file: fileName, columns: headers.slice(0, 6).join(', ') }) };
  const { id, label, platform } = near.preset;
  const refusal = { ...refused('near', { file: fileName, preset: label, columns: near.missing.map((m) => `"${m}"`).join(', ') }), preset: id };
  const emptyStatus = near.preset.emptyStatus;
  return { refusal, near: { id, label, platform, missing: near.missing, columns: near.columns, ...(emptyStatus && { emptyStatus }) } };
}

export function readOrderExport(bytes: Uint8Array, fileName: string, options: ReadOptions): ReadResult {
  if (bytes.length === 0) return failure(fileName, refused('empty', { file: fileName }));
  const chosen = options.mapping ? genericPreset(options.mapping) : undefined;
  const isHeader = headerTest(options.mapping);
  let table: Table;
  let encoding: Encoding = 'utf-8';
  if (isZip(bytes)) {
    try {
      table = tableFromRows(readXlsx(bytes), '', isHeader);
    } catch (e) {
      return failure(fileName, refused('notWorkbook', { file: fileName }), `(${(e as Error).message})`);
    }
  } else {
    if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
      return failure(fileName, refused('binary', { file: fileName }));
    }
    const decoded = decodeBytes(bytes, options.encoding);
    encoding = decoded.encoding;
    table = parseTable(decoded.text, isHeader);
  }
  if (table.headers.length < 2 || table.rows.length === 0) {
    return failure(fileName, refused('noTable', { file: fileName }));
  }
  const preset = chosen ?? detectPreset(table);
  if (!preset) {
    const { refusal, near } = unknownHeaders(fileName, table.headers);
    const read = { ...failure(fileName, refusal), headers: table.headers, values: columnValues(table) };
    return near ? { ...read, near } : { ...read, unknownColumns: true };
  }
  const platform = options.platform ?? preset.platform;
  const { orders, problems } = preset.read(table, { timeZone: options.timeZone, currency: options.currency, platform });
  // A problem on line 0 with nothing read is about the file as a whole (no buyer column): refuse it.
  const fileProblem = problems.find((p) => p.line === 0);
  if (fileProblem && orders.length === 0) {
    return { ...failure(fileName, refusedAs(fileName, preset, fileProblem)), headers: table.headers, values: columnValues(table) };
  }
  return {
    ok: true,
    fileName,
    preset,
    platform,
    encoding,
    rowCount: table.rows.length,
    orders,
    problems,
    headers: table.headers,
    columns: presetColumns(preset, table.headers),
    values: columnValues(table),
  };
}
