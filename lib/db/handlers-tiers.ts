// The background's answers to the tier ladder editor's messages.
import type { Handlers } from '../messaging/router';
import type { HandlerDeps } from './handlers';
import { readSettings } from './settings';
import { applyTierLadder } from './tiers';

export function tiersHandlers({ db, now }: HandlerDeps): Pick<Handlers, 'tiers.apply'> {
  return {
    'tiers.apply': async ({ ladder }) => applyTierLadder(db, ladder, now(), (await readSettings(db)).shopCurrency),
  };
}
