import type { Platform } from '../../domain/rows';
import type { OrderStatus } from '../../domain/types';
import type { ImportedOrder } from '../../domain/imported-order';
import type { Table } from '../table';
import type { ProblemCode, ProblemParams } from '../problem';

export interface ImportProblem {
  /** 1-based row in the file; 0 for the file as a whole. */
  line: number;
  column?: string;
  /** What is wrong, for the screen to translate (lib/i18n/problems.ts), and its parameters. */
  code: ProblemCode;
  params: ProblemParams;
  /** The order this row's problem left out of the import, if it is the first problem of that order. */
  leftOut?: string;
  /** The same in English (logs, tests). */
  message: string;
}

export interface PresetContext {
  timeZone: string;
  /** The shop's currency, for exports that write amounts without one. */
  currency: string;
  /** The platform these orders are recorded under (the preset's own unless the user chose another). */
  platform: Platform;
}

export interface PresetResult {
  orders: ImportedOrder[];
  problems: ImportProblem[];
}

/** The fields of an order a column can hold, as the preview and the generic mapping name them. */
export const MAPPED_FIELDS = ['orderNo', 'buyer', 'phone', 'email', 'amount', 'date', 'status', 'currency'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
/**
 * Every column a preset reads, by its own key, with the spellings real exports give it (regions,
 * years, languages), most common first. Declared once: reading, detection and the preview use it.
 */
export type ColumnSpec = Readonly<Record<string, readonly string[]>>;

export interface ImportPreset {
  id: string;
  platform: Platform;
  label: string;
  columns: ColumnSpec;
  /** The keys of the columns that identify this export: each must be there under one of its spellings. */
  signature: readonly string[];
  /** Which column key holds each field (the preview, a near match's mapping); absent for files that can't be imported alone. */
  fields?: Partial<Record<MappedField, string>>;
  /** What an empty status cell means in this export (Etsy lists only paid orders): a near match's mapping starts with it. */
  emptyStatus?: OrderStatus;
  read(table: Table, ctx: PresetContext): PresetResult;
}
