// Every import preset, one line each. The first whose signature the file's headers carry wins.
import { columnOf, type Table } from '../table';
import { amazonAllOrdersPreset, amazonOrdersPreset } from './amazon';
import { ebayPreset } from './ebay';
import { etsyItemsPreset, etsyOrdersPreset } from './etsy';
import { lazadaCamelPreset, lazadaPreset } from './lazada';
import { shopeePreset, shopeeTwOldPreset, shopeeTwPreset } from './shopee';
import { shopifyPreset } from './shopify';
import { taobaoItemsPreset, taobaoOrdersPreset } from './taobao';
import { tiktokPreset } from './tiktok';
import { MAPPED_FIELDS, type ImportPreset, type MappedField } from './types';
import { woocommerceBillingPreset, woocommerceKeysPreset, woocommercePreset } from './woocommerce';

export const PRESETS: readonly ImportPreset[] = [
  tiktokPreset,
  shopifyPreset,
  woocommercePreset,
  woocommerceBillingPreset,
  woocommerceKeysPreset,
  etsyOrdersPreset,
  etsyItemsPreset,
  ebayPreset,
  amazonOrdersPreset,
  amazonAllOrdersPreset,
  taobaoOrdersPreset,
  taobaoItemsPreset,
  shopeePreset,
  shopeeTwPreset,
  shopeeTwOldPreset,
  lazadaPreset,
  lazadaCamelPreset,
];

export function detectPreset(table: Table): ImportPreset | undefined {
  return PRESETS.find((p) => p.signature.every((name) => columnOf(table.headers, name) >= 0));
}

/** Which of the file's headers each field is read from, as the preview shows it ("Amount ← Total"). */
export function presetColumns(preset: Pick<ImportPreset, 'fields'>, headers: readonly string[]): [MappedField, string][] {
  const out: [MappedField, string][] = [];
  for (const field of MAPPED_FIELDS) {
    const names = preset.fields?.[field];
    const index = names ? columnOf(headers, ...names) : -1;
    if (index >= 0) out.push([field, headers[index]!.trim()]);
  }
  return out;
}
