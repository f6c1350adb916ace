import type { Platform } from '../../domain/rows';
import type { ImportedOrder } from '../imported-order';
import type { Table } from '../table';

export interface ImportProblem {
  /** 1-based row in the file; 0 for the file as a whole. */
  line: number;
  column?: string;
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
/** For the preview: which header holds each field, first present name wins. */
export type PresetFields = Partial<Record<MappedField, readonly string[]>>;

export interface ImportPreset {
  id: string;
  platform: Platform;
  label: string;
  /** The headers that identify this platform's export; every one must be present. */
  signature: readonly string[];
  /** Which columns it reads each field from (shown in the preview); absent for files that can't be imported alone. */
  fields?: PresetFields;
  read(table: Table, ctx: PresetContext): PresetResult;
}
