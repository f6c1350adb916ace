// Each report chart's numbers as a CSV file: UTF-8 with a BOM, the same quoting as the member export.
import { CSV_BOM, csvLine } from './csv';
import { datedName } from './store-files';

export type CsvCell = string | number | null | undefined;

export function tableCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Blob {
  const parts = [CSV_BOM, csvLine(header), ...rows.map((r) => csvLine(r))];
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** regulars-report-<what>-YYYY-MM-DD.csv, dated in the shop's zone. */
export const reportFileName = (what: string, now: number, timeZone: string) => datedName(`report-${what}`, now, timeZone);

/** A share (0–1) as a percentage with one decimal, for spreadsheets: 0.4567 → "45.7". */
export const percentCell = (share: number) => (Math.round(share * 1000) / 10).toFixed(1);
