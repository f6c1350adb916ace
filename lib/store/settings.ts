// Settings in the store: read whole (each key validated on its own, a bad one falls back to its
// default), written by key.
import { settingsPatchSchema, settingsSchema, defaultSettings, type SettingKey, type Settings, type SettingsPatch } from '../domain/settings';
import Dexie from 'dexie';
import { mayHaveWritten, onCommitted } from './changes';
import type { RegularsDb } from './database';

// Settings are kept in memory per database until the change stream reports a write to them
// (writeSettings here, or a restore in the options page).
const cached = new WeakMap<RegularsDb, Promise<Settings>>();
const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];
const holding = new Set<RegularsDb>();
let following = false;

function follow(): void {
  if (following) return;
  following = true;
  onCommitted((change) => {
    // Other rows of the table (the report snapshot, the journeys, the reminders' notified time) are no setting.
    if (!mayHaveWritten(change, 'settings', SETTING_KEYS)) return;
    for (const db of holding) {
      if (db.name !== change.db) continue;
      cached.delete(db);
      holding.delete(db);
    }
  });
}

/** Reads every setting; a stored value that no longer validates falls back to its default (and is reported). */
export function readSettings(db: RegularsDb): Promise<Settings> {
  let settings = cached.get(db);
  // A read inside a caller's transaction is that caller's own: shared, the others would await a
  // promise of its zone (and a read-only one refuses their writes).
  if (!settings && Dexie.currentTransaction) return readSettingsFromStore(db);
  if (!settings) {
    follow();
    settings = readSettingsFromStore(db);
    cached.set(db, settings);
    holding.add(db);
    settings.catch(() => cached.delete(db));
  }
  return settings;
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
  cached.delete(db);
  try {
    await db.settings.bulkPut(rows);
  } finally {
    cached.delete(db);
  }
}
