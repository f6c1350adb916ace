// A delimited text file as a header row and data rows, cells trimmed of the padding exports add.
import Papa from 'papaparse';

export interface Table {
  headers: string[];
  /** Data rows; `line` is the 1-based row number in the file as a spreadsheet shows it. */
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

/** Header names compare without case, surrounding spaces/tabs or a trailing colon. */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/:$/, '').toLowerCase();
}

/** How far down a file the header row is looked for (eBay puts notes and blank rows above it). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Records (as a spreadsheet shows them, blank ones included so row numbers stay true) to a table.
 * The header is the first non-blank record, or the first of the top ones `isHeader` accepts.
 */
export function tableFromRows(records: readonly string[][], delimiter: string, isHeader?: (cells: string[]) => boolean): Table {
  const numbered = records
    .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  let at = 0;
  if (isHeader) {
    const found = numbered.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeader(r.cells.map((h) => h.replace(/^\uFEFF/, ''))));
    if (found > 0) at = found;
  }
  const headers = (numbered[at]?.cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  return { headers, rows: numbered.slice(at + 1), delimiter };
}

/**
 * The records of delimited text, blank ones included, and the delimiter (guessed unless given).
 * Real files mix line ends (a CRLF header over LF rows, a lone CR from an old Mac tool) while Papa
 * guesses one kind per file, and a wrong guess reads the whole file as one row: every CR, CRLF and
 * LF is made one LF first, and Papa is told so.
 */
export function parseRecords(text: string, delimiter?: string): { records: string[][]; delimiter: string } {
  const lines = text.replace(/\r\n?/g, '\n');
  // The guess skips blank lines: counted, the one after a short file's last row outweighs the tabs
  // TikTok pads its IDs with, and a four-order export was read as tab-separated.
  const chosen = delimiter ?? Papa.parse<string[]>(lines, { newline: '\n', preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] }).meta.delimiter;
  const parsed = Papa.parse<string[]>(lines, { newline: '\n', skipEmptyLines: false, delimiter: chosen });
  return { records: parsed.data, delimiter: parsed.meta.delimiter };
}

export function parseTable(text: string, isHeader?: (cells: string[]) => boolean): Table {
  const { records, delimiter } = parseRecords(text);
  return tableFromRows(records, delimiter, isHeader);
}

/** Finds the first of several header spellings; returns the column index or -1. */
export function columnOf(headers: readonly string[], ...names: string[]): number {
  const keys = headers.map(headerKey);
  for (const name of names) {
    const i = keys.indexOf(headerKey(name));
    if (i >= 0) return i;
  }
  return -1;
}

/** Each column's distinct values with their row counts, most frequent first, by header. */
export type ColumnValues = Record<string, [string, number][]>;

/**
 * The distinct values of the columns that have few of them (a status, a currency): what the column
 * mapping shows so the user can say what each means; empty cells count under "". Columns with more than
 * `max`, or with nothing but empty cells, are left out.
 */
export function columnValues(table: Table, max = 40): ColumnValues {
  const counts = table.headers.map(() => new Map<string, number>() as Map<string, number> | undefined);
  for (const { cells } of table.rows) {
    counts.forEach((seen, i) => {
      if (!seen) return;
      const value = (cells[i] ?? '').trim();
      seen.set(value, (seen.get(value) ?? 0) + 1);
      if (seen.size > max) counts[i] = undefined;
    });
  }
  const out: ColumnValues = {};
  counts.forEach((seen, i) => {
    const header = table.headers[i]!.trim();
    if (seen && [...seen.keys()].some(Boolean) && header) out[header] = [...seen].sort((a, b) => b[1] - a[1]);
  });
  return out;
}
