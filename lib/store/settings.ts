// Settings in the store: read whole (each key validated on its own, a bad one falls back to its
// default), written by key.
import { JOURNEYS_KEY } from '../domain/journey-settings';
import { settingsPatchSchema, settingsSchema, defaultSettings, type SettingKey, type Settings, type SettingsPatch } from '../domain/settings';
import { mayHaveWritten, type StoreChange } from './changes';
import { heldSettings } from './held-settings';
import type { RegularsDb } from './database';

const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];
// Held in memory per database until the change stream reports a write to a setting (writeSettings
// here, or a restore in the options page); the table's other rows (the report snapshot, the journeys,
// the reminders' notified time) are no setting.
const held = heldSettings(SETTING_KEYS, readSettingsFromStore);

/**
 * The settings table's rows that say something a screen shows: the settings and the journeys'
 * (rules, templates). Its other rows (the report snapshot, when reminders were last swept and
 * notified) are bookkeeping a worker writes whenever it wakes.
 */
const SETTINGS_SHOWN: readonly string[] = [...SETTING_KEYS, JOURNEYS_KEY];
/** Whether a committed write may have changed a setting or the journeys (not only a worker's bookkeeping). */
export const changesShownSettings = (change: StoreChange): boolean => mayHaveWritten(change, 'settings', SETTINGS_SHOWN);

/** Reads every setting; a stored value that no longer validates falls back to its default (and is reported). */
export function readSettings(db: RegularsDb): Promise<Settings> {
  return held.read(db);
}

async function readSettingsFromStore(db: RegularsDb): Promise<Settings> {
  const defaults = defaultSettings();
  // The settings' own keys only: the table also holds the report snapshot and the journeys.
  const rows = await db.settings.bulkGet(SETTING_KEYS);
  const merged: Record<string, unknown> = { ...defaults };
  for (const row of rows) {
    if (!row || !(row.key in defaults)) continue;
    const field = settingsSchema.shape[row.key as SettingKey];
    const parsed = field.safeParse(row.value);
    if (parsed.success) merged[row.key] = parsed.data;
    else console.warn(`Regulars: setting "${row.key}" is invalid and was ignored`, parsed.error.issues);
  }
  return merged as Settings;
}

export async function writeSettings(db: RegularsDb, patch: SettingsPatch): Promise<void> {
  const rows = Object.entries(settingsPatchSchema.parse(patch))
    .filter(([, v]) => v !== undefined)
    .map(([key, value]) => ({ key, value }));
  held.forget(db);
  try {
    await db.settings.bulkPut(rows);
  } finally {
    held.forget(db);
  }
}
