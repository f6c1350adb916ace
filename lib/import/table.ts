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

export function parseTable(text: string): Table {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const data = parsed.data;
  const headers = (data[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  const rows = data.slice(1).map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) }));
  return { headers, rows, delimiter: parsed.meta.delimiter };
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
