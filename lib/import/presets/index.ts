// Every import preset, one line each. The first whose signature the file's headers carry wins.
import { columnOf, type Table } from '../table';
import { amazonAllOrdersPreset, amazonOrdersPreset } from './amazon';
import { ebayPreset } from './ebay';
import { etsyItemsPreset, etsyOrdersPreset } from './etsy';
import { lazadaPreset } from './lazada';
import { shopeePreset } from './shopee';
import { shopifyPreset } from './shopify';
import { taobaoItemsPreset, taobaoOrdersPreset } from './taobao';
import { tiktokPreset } from './tiktok';
import { MAPPED_FIELDS, type ImportPreset, type MappedField } from './types';
import { woocommercePreset } from './woocommerce';

export const PRESETS: readonly ImportPreset[] = [
  tiktokPreset,
  shopifyPreset,
  woocommercePreset,
  etsyOrdersPreset,
  etsyItemsPreset,
  ebayPreset,
  amazonOrdersPreset,
  amazonAllOrdersPreset,
  taobaoOrdersPreset,
  taobaoItemsPreset,
  shopeePreset,
  lazadaPreset,
];

/** How many of the preset's signature columns the headers carry, under any of their spellings. */
function signatureFound(preset: ImportPreset, headers: readonly string[]): number {
  return preset.signature.filter((key) => columnOf(headers, ...(preset.columns[key] ?? [])) >= 0).length;
}

/** Whether the headers carry the preset's whole signature. */
export function presetMatches(preset: ImportPreset, headers: readonly string[]): boolean {
  return signatureFound(preset, headers) === preset.signature.length;
}

export function detectPreset(table: Pick<Table, 'headers'>): ImportPreset | undefined {
  return PRESETS.find((p) => presetMatches(p, table.headers));
}

/** Which header each field is read from, first present spelling wins. */
export function presetColumns(preset: Pick<ImportPreset, 'fields' | 'columns'>, headers: readonly string[]): [MappedField, string][] {
  const out: [MappedField, string][] = [];
  for (const field of MAPPED_FIELDS) {
    const key = preset.fields?.[field];
    const index = key ? columnOf(headers, ...(preset.columns[key] ?? [])) : -1;
    if (index >= 0) out.push([field, headers[index]!.trim()]);
  }
  return out;
}

/** A file that is almost a known export: the preset, its signature columns the file lacks, and the fields it does have. */
export interface NearMatch {
  preset: ImportPreset;
  /** The first spelling of each signature column not found (renamed, or cut from the export). */
  missing: string[];
  columns: [MappedField, string][];
}

/**
 * The known export these headers come closest to, when at least half of its signature is there
 * (a column renamed by a new version, another language, a hand edit): its mapping can be offered
 * prefilled instead of a blank one. Undefined when nothing comes close, or a preset matches outright.
 */
export function nearestPreset(headers: readonly string[]): NearMatch | undefined {
  if (PRESETS.some((p) => presetMatches(p, headers))) return undefined;
  let best: { preset: ImportPreset; score: number; fields: number } | undefined;
  for (const preset of PRESETS) {
    if (!preset.fields) continue;
    const score = signatureFound(preset, headers) / preset.signature.length;
    const fields = presetColumns(preset, headers).length;
    if (score >= 0.5 && (!best || score > best.score || (score === best.score && fields > best.fields))) best = { preset, score, fields };
  }
  if (!best) return undefined;
  const { preset } = best;
  const missing = preset.signature.filter((key) => columnOf(headers, ...(preset.columns[key] ?? [])) < 0).map((key) => preset.columns[key]![0]!);
  return { preset, missing, columns: presetColumns(preset, headers) };
}
