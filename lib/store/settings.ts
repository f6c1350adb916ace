// Settings in the store: read whole (each key validated on its own, a bad one falls back to its
// default), written by key.
import { settingsPatchSchema, settingsSchema, defaultSettings, type SettingKey, type Settings, type SettingsPatch } from '../domain/settings';
import Dexie from 'dexie';
import type { RegularsDb } from './database';

// The background is the only writer of settings, through writeSettings: it can keep them in memory.
const cached = new WeakMap<RegularsDb, Promise<Settings>>();

/** Reads every setting; a stored value that no longer validates falls back to its default (and is reported). */
export function readSettings(db: RegularsDb): Promise<Settings> {
  let settings = cached.get(db);
  // A read inside a caller's transaction is that caller's own: shared, the others would await a
  // promise of its zone (and a read-only one refuses their writes).
  if (!settings && Dexie.currentTransaction) return readSettingsFromStore(db);
  if (!settings) {
    settings = readSettingsFromStore(db);
    cached.set(db, settings);
    settings.catch(() => cached.delete(db));
  }
  return settings;
}

/**
 * A restore (lib/store/backup.ts) rewrites the store from the options page's own connection, past
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
