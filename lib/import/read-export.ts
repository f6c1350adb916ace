// One order export file → orders ready for the store, and every problem with its row and column.
import type { Platform } from '../domain/rows';
import { decodeBytes, type Encoding } from './decode';
import { genericPreset, type GenericMapping } from './generic';
import type { ImportedOrder } from '../domain/imported-order';
import { detectPreset, nearestPreset, presetColumns } from './presets';
import type { ImportProblem, ImportPreset, MappedField } from './presets/types';
import { columnOf, columnValues, parseTable, tableFromRows, type ColumnValues, type Table } from './table';
import { isZip, readXlsx } from './xlsx';

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
  label: string;
  platform: Platform;
  /** Its signature columns this file lacks (renamed or cut). */
  missing: string[];
  /** The fields found where the preset reads them. */
  columns: [MappedField, string][];
}

export function readOrderExport(bytes: Uint8Array, fileName: string, options: ReadOptions): ReadResult {
  if (bytes.length === 0) return { ok: false, fileName, message: `${fileName} is empty. Export the orders again and choose the new file.` };
  const chosen = options.mapping ? genericPreset(options.mapping) : undefined;
  // Some exports put notes above the header (eBay): the header is the first row a preset knows.
  const isHeader = (cells: string[]) => (options.mapping ? columnOf(cells, options.mapping.orderNo) >= 0 : detectPreset({ headers: cells }) !== undefined || nearestPreset(cells) !== undefined);
  let table: Table;
  let encoding: Encoding = 'utf-8';
  if (isZip(bytes)) {
    try {
      table = tableFromRows(readXlsx(bytes), '', isHeader);
    } catch (e) {
      return { ok: false, fileName, message: `${fileName} is not an Excel workbook Regulars can read (${(e as Error).message}). Save it again as .xlsx or CSV and choose the new file.` };
    }
  } else {
    if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
      return { ok: false, fileName, message: `${fileName} is not a text table (it looks like a binary file). Choose the CSV your marketplace exported.` };
    }
    const decoded = decodeBytes(bytes, options.encoding);
    encoding = decoded.encoding;
    table = parseTable(decoded.text, isHeader);
  }
  if (table.headers.length < 2 || table.rows.length === 0) {
    return { ok: false, fileName, message: `${fileName} has no table of orders in it: expected a header row and at least one order row.` };
  }
  const preset = chosen ?? detectPreset(table);
  if (!preset) {
    const near = nearestPreset(table.headers);
    if (near) {
      const { label, platform } = near.preset;
      return {
        ok: false,
        fileName,
        headers: table.headers,
        values: columnValues(table),
        near: { label, platform, missing: near.missing, columns: near.columns },
        message: `${fileName} looks like a ${label}, but has no column ${near.missing.map((m) => `"${m}"`).join(', ')} (renamed, or left out of the export). Check the columns below: they are filled in as that export has them.`,
      };
    }
    return { ok: false, fileName, unknownColumns: true, headers: table.headers, values: columnValues(table), message: `${fileName}: these columns don't match any export Regulars knows (${table.headers.slice(0, 6).join(', ')}…).` };
  }
  const platform = options.platform ?? preset.platform;
  const { orders, problems } = preset.read(table, { timeZone: options.timeZone, currency: options.currency, platform });
  // A problem on line 0 with nothing read is about the file as a whole (no buyer column): refuse it.
  const fileProblem = problems.find((p) => p.line === 0);
  if (fileProblem && orders.length === 0) {
    return { ok: false, fileName, headers: table.headers, values: columnValues(table), message: `${fileName} (${preset.label}) ${fileProblem.message}.` };
  }
  return { ok: true, fileName, preset, platform, encoding, rowCount: table.rows.length, orders, problems, headers: table.headers, columns: presetColumns(preset, table.headers), values: columnValues(table) };
}
