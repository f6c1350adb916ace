// What every preset needs: clean cells, one order per order number however many rows it spans,
// problems with row and column, and the refusal of a file that names no buyer anywhere.
import { parseAmountToMinor } from '../../domain/money';
import type { OrderItem } from '../../domain/types';
import { parseExportDate, type DateOrder } from '../dates';
import type { ImportedOrder } from '../../domain/imported-order';
import { columnOf, type Table } from '../table';
import type { ColumnSpec, ImportPreset, ImportProblem, MappedField, PresetContext, PresetResult } from './types';
import { leftOutMessage, said, type ProblemCode, type Said } from '../problem';

/**
 * A cell as the seller meant it: exports guard long numbers from spreadsheets with ="…", a
 * leading apostrophe or a tab (Taobao, TikTok), and some write "--" or "null" for nothing.
 */
export function clean(raw: string | undefined): string {
  let s = (raw ?? '').trim();
  const formula = /^="(.*)"$/s.exec(s);
  if (formula) s = formula[1]!.trim();
  s = s.replace(/^['\t]+/, '').trim();
  return s === '--' || s.toLowerCase() === 'null' ? '' : s;
}

/** "3.30123E+18": a spreadsheet turned the order number into a float and lost its digits. */
export function mangledNumber(value: string): boolean {
  return /^\d(\.\d+)?e\+\d+$/i.test(value);
}

/** The cell at a column index (-1 for a column the file doesn't have), cleaned. */
export function cellAt(cells: readonly string[], index: number): string {
  return index >= 0 ? clean(cells[index]) : '';
}

/** A column by its spellings, and the name to show for it in problems (the file's own, or the first spelling). */
export interface Column {
  index: number;
  name: string;
}

export function column(headers: readonly string[], ...names: string[]): Column {
  const index = columnOf(headers, ...names);
  return { index, name: index >= 0 ? headers[index]!.trim() : names[0]! };
}

/** The declared columns as found in a file, by key. */
export type Columns<C extends ColumnSpec> = { [K in keyof C]: Column };

/** Each declared column found in these headers (index -1 when absent), by its key. */
export function columnsOf<C extends ColumnSpec>(headers: readonly string[], spec: C): Columns<C> {
  return Object.fromEntries(Object.entries(spec).map(([key, names]) => [key, column(headers, ...names)])) as Columns<C>;
}

/**
 * A preset whose columns are declared once: `read` gets them found in the file, and the signature
 * and fields name them by key (the compiler checks the keys).
 */
export function definePreset<C extends ColumnSpec>(preset: {
  id: string;
  platform: ImportPreset['platform'];
  label: string;
  columns: C;
  signature: readonly (keyof C & string)[];
  fields?: Partial<Record<MappedField, keyof C & string>>;
  emptyStatus?: ImportPreset['emptyStatus'];
  read(table: Table, ctx: PresetContext, col: Columns<C>): PresetResult;
}): ImportPreset {
  const { read, ...rest } = preset;
  return { ...rest, read: (table, ctx) => read(table, ctx, columnsOf(table.headers, preset.columns)) };
}

/** Status words compare without case, spaces, underscores, hyphens or Chinese/ASCII commas. */
export function statusKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s_\-,，、/]+/g, '');
}

/** "138****0000", "******1234": a phone the platform masked says nothing about who bought. */
export function usablePhone(raw: string): string | undefined {
  const s = raw.trim();
  return s && !s.includes('*') && /\d{5}/.test(s.replace(/\D/g, '')) ? s : undefined;
}

/** An e-mail with its "@"; masked ones ("j***@gmail.com") are no identity either. */
export function usableEmail(raw: string): string | undefined {
  const s = raw.trim();
  return s.includes('@') && !s.includes('*') ? s : undefined;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
// US zone abbreviations eBay US writes after its times; anything else is refused, never guessed.
const ZONES: Record<string, string> = { PST: '-08:00', PDT: '-07:00', MST: '-07:00', MDT: '-06:00', CST: '-06:00', CDT: '-05:00', EST: '-05:00', EDT: '-04:00', GMT: '+00:00', UTC: '+00:00', BST: '+01:00' };

/**
 * Dates with a month name: eBay's "Mar-04-26" and "Mar-04-26 13:05:00 PST", eBay UK's "04-Mar-26",
 * Lazada's "04 Mar 2026 13:05". Wall clock in `timeZone` unless a zone is written.
 */
export function parseMonthNameDate(raw: string, timeZone: string): number | undefined {
  const m = /^(?:([A-Za-z]{3,4})[-\s](\d{1,2})|(\d{1,2})[-\s]([A-Za-z]{3,4}))[-\s,]+(\d{2}|\d{4})(?:[\sT]+(\d{1,2}:\d{2}(?::\d{2})?)\s*([AaPp][Mm])?)?(?:\s+([A-Z]{3}))?$/.exec(raw.trim());
  if (!m) return undefined;
  const month = MONTHS[(m[1] ?? m[4])!.toLowerCase()];
  if (!month) return undefined;
  const day = Number(m[2] ?? m[3]);
  const year = m[5]!.length === 2 ? 2000 + Number(m[5]) : Number(m[5]);
  let zone = '';
  if (m[8]) {
    const offset = ZONES[m[8]];
    if (!offset) return undefined;
    zone = ` ${offset}`;
  }
  const time = m[6] ? ` ${m[6]}${m[7] ? ` ${m[7]}` : ''}` : '';
  return parseExportDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}${time}${zone}`, timeZone);
}

/** Any date an export writes: numeric (slash order per platform) or with a month name. */
export function parseAnyDate(raw: string, timeZone: string, slashOrder: DateOrder): number | undefined {
  return parseExportDate(raw, timeZone, slashOrder) ?? parseMonthNameDate(raw, timeZone);
}

/** An amount cell in minor units; undefined for empty or unreadable. */
export function amountOf(raw: string, currency: string): number | undefined {
  return raw === '' ? undefined : parseAmountToMinor(raw, currency);
}

/** A quantity cell: empty means one; anything but a whole number ≥ 1 is undefined. */
export function quantityOf(raw: string): number | undefined {
  if (raw === '') return 1;
  const n = Number(raw.replace(/,/g, ''));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The three ways a buyer is known; one must be there for an order to belong to someone. */
export interface BuyerColumns {
  handle?: Column[];
  phone?: Column[];
  email?: Column[];
}

/**
 * A file-level problem (line 0) when no buyer can be found in the whole table: either none of the
 * buyer columns exists, or every row leaves them empty. read-export turns it into a refusal.
 */
export function missingBuyer(table: Table, columns: BuyerColumns): ImportProblem | undefined {
  const all = [...(columns.handle ?? []), ...(columns.email ?? []), ...(columns.phone ?? [])];
  const present = all.filter((c) => c.index >= 0);
  const names = all.map((c) => c.name).join(', ');
  if (present.length === 0) {
    return { line: 0, column: all[0]?.name, ...said('noBuyerColumn', { columns: names }) };
  }
  if (table.rows.length > 0 && table.rows.every((r) => present.every((c) => cellAt(r.cells, c.index) === ''))) {
    return { line: 0, column: present[0]!.name, ...said('noBuyerInRows', { columns: present.map((c) => c.name).join(', ') }) };
  }
  return undefined;
}

/** What a preset reports per bad row; the order it belongs to is left out whole. */
export interface Rejection extends Said<ProblemCode> {
  column?: string | undefined;
}

/**
 * One order per order number, in file order. Rows add items to their order; a bad row rejects its
 * whole order (never half an order in the store) and the problem says which order was left out.
 */
export class OrderBook {
  readonly problems: ImportProblem[] = [];
  private readonly orders = new Map<string, ImportedOrder | null>();

  has(orderNo: string): boolean {
    return this.orders.has(orderNo);
  }

  /** The order's first row was good: it opens with this row's item, if any. */
  open(orderNo: string, order: ImportedOrder): void {
    if (!this.orders.has(orderNo)) this.orders.set(orderNo, order);
  }

  /** A row of this order was bad: its other rows are covered by that row's problem. */
  isRejected(orderNo: string): boolean {
    return this.orders.has(orderNo) && this.orders.get(orderNo) === null;
  }

  get(orderNo: string): ImportedOrder | undefined {
    return this.orders.get(orderNo) ?? undefined;
  }

  addItem(orderNo: string, item: OrderItem): void {
    this.orders.get(orderNo)?.items.push(item);
  }

  /** A row of this order is bad: report it, and leave the whole order out. */
  reject(orderNo: string, line: number, problem: Rejection): void {
    const already = this.orders.has(orderNo) && this.orders.get(orderNo) === null;
    this.orders.set(orderNo, null);
    const { column, code, params, message } = problem;
    this.problems.push(
      { line, ...(column ? { column } : {}), code, params, ...(already ? { message } : { leftOut: orderNo, message: message + leftOutMessage(orderNo) }) },
    );
  }

  /** A row that belongs to no order (no order number, a cut-short row). */
  problem(line: number, problem: Rejection): void {
    const { column, code, params, message } = problem;
    this.problems.push({ line, ...(column ? { column } : {}), code, params, message });
  }

  result(): PresetResult {
    const orders = [...this.orders.values()].filter((o): o is ImportedOrder => o !== null);
    return { orders, problems: this.problems };
  }
}

/** The preset's result for a file with no buyer at all: nothing but the file-level problem. */
export function refusal(problem: ImportProblem): PresetResult {
  return { orders: [], problems: [problem] };
}

/** A row shorter than the columns it must reach was cut (an export interrupted, a bad edit). */
export function cutShort(cells: readonly string[], headerCount: number, needed: number): Rejection | undefined {
  return cells.length < Math.min(headerCount, needed + 1)
    ? { ...said('cutShort', { fields: cells.length, header: headerCount }) }
    : undefined;
}

/**
 * The order number of a row, after the checks every export needs: the row isn't cut short, the
 * number is there, no spreadsheet turned it into a float, and its order wasn't already left out.
 * Undefined means the row is skipped (its problem, if any, is in the book).
 */
export function rowOrderNo(
  book: OrderBook,
  line: number,
  cells: readonly string[],
  headerCount: number,
  orderNo: Column,
  needed: readonly number[],
  exportedBy: { platform: string; excel?: boolean },
): string | undefined {
  const cut = cutShort(cells, headerCount, Math.max(orderNo.index, ...needed));
  if (cut) {
    book.problem(line, cut);
    return undefined;
  }
  const value = cellAt(cells, orderNo.index);
  if (!value) {
    book.problem(line, { column: orderNo.name, ...said('emptyOrderNo') });
    return undefined;
  }
  if (mangledNumber(value)) {
    book.problem(line, { column: orderNo.name, ...said(exportedBy.excel ? 'lostDigitsExcel' : 'lostDigits', { value, platform: exportedBy.platform }) });
    return undefined;
  }
  return book.isRejected(value) ? undefined : value;
}

/** The carrier and tracking number of an order, only those the export filled (for the shipping notice). */
export function shipmentOf(carrier: string, trackingNo: string): { carrier?: string; trackingNo?: string } {
  const c = carrier.trim();
  const n = trackingNo.trim();
  return { ...(c ? { carrier: c } : {}), ...(n ? { trackingNo: n } : {}) };
}
