// RFM cut points: quintiles of the shop's own members, recomputed after imports.
import { rfmBreaks } from '../../domain/rfm';
import type { Settings } from '../../domain/settings';
import type { RegularsDb } from '../../store/database';
import { readSettings, writeSettings } from '../../store/settings';
import { timedJob } from '../lane';
import { memberFacts } from './member-snapshot';

export async function refreshRfmBreaks(db: RegularsDb, now: number): Promise<Settings['rfmBreaks']> {
  const settings = await readSettings(db);
  // The member facts segments evaluate over (one scan after an import, serving both); rfmBreaks
  // ignores members without orders.
  const sample = await memberFacts(db);
  const breaks = { ...rfmBreaks(sample, now, settings.timeZone), computedAt: now, members: sample.length };
  await writeSettings(db, { rfmBreaks: breaks });
  return breaks;
}

/** Debounces the RFM refresh: an import arrives in many batches; recompute once after the last. */
export function rfmRefresher(db: RegularsDb, now: () => number, delayMs = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    /** `wait`: how long changes must pause first (0: an import just ended). */
    schedule(wait = delayMs) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(() => timedJob('rfm', () => refreshRfmBreaks(db, now()))).catch((e) => console.error('Regulars: RFM refresh failed', e));
      }, wait);
    },
    /** Resolves once any scheduled refresh has run (tests, and the import's final batch). */
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        running = running.then(() => timedJob('rfm', () => refreshRfmBreaks(db, now())));
      }
      await running;
    },
  };
}
