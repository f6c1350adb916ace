import type { Platform } from '../../db/rows';
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

export interface ImportPreset {
  id: string;
  platform: Platform;
  label: string;
  /** The headers that identify this platform's export; every one must be present. */
  signature: readonly string[];
  read(table: Table, ctx: PresetContext): PresetResult;
}
