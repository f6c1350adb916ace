// The reports capability's message: the page found the snapshot stale and wants it current.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { readSettings } from '../../store/settings';
import type { ReportKeeper } from './report-snapshot';

export function reportHandlers(db: RegularsDb, reports: ReportKeeper): Pick<Handlers, 'reports.refresh'> {
  return {
    'reports.refresh': async () => {
      const snapshot = await reports.current();
      return { settings: await readSettings(db), snapshot };
    },
  };
}
