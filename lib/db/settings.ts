// Settings: one row per key in the `settings` table, each validated by its own schema.
import { z } from 'zod';
import { DEFAULT_LAPSE_DAYS } from '../domain/lapse';
import { DEFAULT_TIER_LADDER, tierLadderSchema } from '../domain/tiers';
import type { RegularsDb } from './database';
import type { GenericMapping } from '../import/generic';
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
}) satisfies z.ZodType<GenericMapping>;

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
  /** When the options page last saved a backup file (lib/db/backup.ts); null until the first. */
  lastBackupAt: epochMs.nullable(),
  /** Column mappings by header set (mappingKey in lib/import/generic.ts), so next month's file maps itself. */
  importMappings: z.record(z.string().max(40), genericMappingSchema),
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
    setupAt: null,
  };
}

// The background is the only writer of settings, through writeSettings: it can keep them in memory.
const cached = new WeakMap<RegularsDb, Promise<Settings>>();

/** Reads every setting; a stored value that no longer validates falls back to its default (and is reported). */
export function readSettings(db: RegularsDb): Promise<Settings> {
  let settings = cached.get(db);
  if (!settings) {
    settings = readSettingsFromStore(db);
    cached.set(db, settings);
    settings.catch(() => cached.delete(db));
  }
  return settings;
}

/**
 * A restore (lib/db/backup.ts) rewrites the store from the options page's own connection, past
 * writeSettings: the background must then drop what it remembers and read the settings again.
 */
export function forgetCachedSettings(db: RegularsDb): void {
  cached.delete(db);
}

async function readSettingsFromStore(db: RegularsDb): Promise<Settings> {
  const defaults = defaultSettings();
  const rows = await db.settings.toArray();
  const merged: Record<string, unknown> = { ...defaults };
  for (const row of rows) {
    if (!(row.key in defaults)) continue;
    const field = settingsSchema.shape[row.key as SettingKey];
    const parsed = field.safeParse(row.value);
    if (parsed.success) merged[row.key] = parsed.data;
    else console.warn(`Regulars: setting "${row.key}" is invalid and was ignored`, parsed.error.issues);
  }
  return merged as Settings;
}

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export async function writeSettings(db: RegularsDb, patch: SettingsPatch): Promise<void> {
  const rows = Object.entries(settingsPatchSchema.parse(patch))
    .filter(([, v]) => v !== undefined)
    .map(([key, value]) => ({ key, value }));
  cached.delete(db);
  try {
    await db.settings.bulkPut(rows);
  } finally {
    cached.delete(db);
  }
}
