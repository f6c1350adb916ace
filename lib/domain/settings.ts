// The shop's settings: one row per key in the `settings` table, each validated by its own schema
// (lib/store/settings.ts reads and writes them).
import { z } from 'zod';
import { categoryCyclesSchema, categoryRulesSchema } from './categories';
import { DEFAULT_LAPSE_DAYS } from './lapse';
import { DEFAULT_POINTS, pointsSettingsSchema } from './points';
import { DEFAULT_TIER_LADDER, tierLadderSchema } from './tiers';
import { currencyCode, epochMs, orderStatusSchema, platformSchema } from './rows';

export const LOCALES = ['auto', 'en', 'zh-CN', 'zh-TW'] as const;

export const rfmBreaksSchema = z.object({
  recencyDays: z.array(z.number()),
  frequency: z.array(z.number()),
  monetary: z.array(z.number()),
  computedAt: epochMs,
  members: z.number().int().nonnegative(),
});

const columnName = z.string().min(1).max(200);
/** A column mapping the user made for a file no preset knows (lib/import/generic.ts), kept per header set. */
export const genericMappingSchema = z.object({
  orderNo: columnName,
  buyer: columnName.optional(),
  phone: columnName.optional(),
  email: columnName.optional(),
  amount: columnName,
  date: columnName,
  status: columnName.optional(),
  currency: columnName.optional(),
  dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
  platform: platformSchema,
  amountPer: z.enum(['order', 'line']).optional(),
  statusValues: z.record(z.string().max(200), orderStatusSchema).optional(),
});

export const settingsSchema = z.object({
  shopCurrency: currencyCode,
  timeZone: z.string().min(1),
  lapseDays: z.number().int().min(1).max(3650),
  tierLadder: tierLadderSchema,
  authorName: z.string().max(100),
  locale: z.enum(LOCALES),
  rfmBreaks: rfmBreaksSchema.nullable(),
  /** On an order page: offer to record the order ('ask') or record it straight away ('auto'). */
  captureOrders: z.enum(['ask', 'auto']),
  /** When the options page last saved a backup file (lib/store/backup.ts); null until the first. */
  lastBackupAt: epochMs.nullable(),
  /** Column mappings by header set (mappingKey in lib/import/generic.ts), so next month's file maps itself. */
  importMappings: z.record(z.string().max(40), genericMappingSchema),
  /** Category rules (SKU prefixes, title words), first match wins; the export's own column comes first. */
  categoryRules: categoryRulesSchema,
  /** Lapse threshold and repurchase cycle per category; a category without one uses lapseDays. */
  categoryCycles: categoryCyclesSchema,
  /** Points per unit of spend; off until the owner turns them on. */
  points: pointsSettingsSchema,
  /** When the owner answered the first-run questions (currency, time zone, name, language); null until then. */
  setupAt: epochMs.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/**
 * Until the first run is answered (setupAt null) these stand in the form only: order capture never
 * takes shopCurrency before setupAt is set (see shopFactsOf), and the pages ask first.
 */
export function defaultSettings(): Settings {
  return {
    shopCurrency: 'USD',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    lapseDays: DEFAULT_LAPSE_DAYS,
    tierLadder: DEFAULT_TIER_LADDER,
    authorName: '',
    locale: 'auto',
    rfmBreaks: null,
    captureOrders: 'ask',
    lastBackupAt: null,
    importMappings: {},
    categoryRules: [],
    categoryCycles: {},
    points: DEFAULT_POINTS,
    setupAt: null,
  };
}

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
