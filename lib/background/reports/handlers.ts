// The reports capability's message: the page found the snapshot stale and wants it current.
import type { Handlers } from '../../messaging/router';
import type { ReportKeeper } from './report-snapshot';

export function reportHandlers(reports: ReportKeeper): Pick<Handlers, 'reports.refresh'> {
  return {
    'reports.refresh': async () => {
      const { stamp, ms } = await reports.current();
      return { stamp, ms };
    },
  };
}
