// The background's answers to the tier ladder editor's and the reports page's messages.
import type { Handlers } from '../../messaging/router';
import type { HandlerDeps } from '../handlers';
import { reportKeeperFor } from '../reports/report-snapshot';
import { readSettings } from '../../store/settings';
import { applyTierLadder } from './tiers';

export function tiersHandlers({ db, now, onTiersChanged }: HandlerDeps): Pick<Handlers, 'tiers.apply' | 'reports.refresh'> {
  const reports = reportKeeperFor(db, now);
  return {
    'tiers.apply': async ({ ladder }) => {
      const result = await applyTierLadder(db, ladder, now(), (await readSettings(db)).shopCurrency);
      reports.schedule();
      // Members who moved up are owed a tier-upgrade reminder: let the journeys know now.
      onTiersChanged?.();
      return result;
    },
    'reports.refresh': async () => {
      const { stamp, ms } = await reports.current();
      return { stamp, ms };
    },
  };
}
