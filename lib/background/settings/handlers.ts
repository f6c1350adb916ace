// The shop's settings and the store as a whole: counts, settings, and "the store was replaced".
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { readSettings, writeSettings } from '../../store/settings';
import { storeCounts } from './counts';

export interface SettingsHooks {
  /** A restore replaced the store past this context: whatever is held in memory must go. */
  onStoreReloaded?: () => Promise<void>;
}

export function settingsHandlers(db: RegularsDb, hooks: SettingsHooks = {}): Pick<Handlers, 'store.counts' | 'settings.get' | 'settings.update' | 'store.reloaded'> {
  return {
    'store.counts': () => storeCounts(db),
    'settings.get': () => readSettings(db),
    'settings.update': async (patch) => {
      await writeSettings(db, patch);
      return readSettings(db);
    },
    'store.reloaded': async () => {
      await hooks.onStoreReloaded?.();
      return { reloaded: true as const };
    },
  };
}
