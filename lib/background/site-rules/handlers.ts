// The site rules capability's messages: "point at the buyer's name once" per host.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { deleteSiteRule, listSiteRules, saveSiteRule, siteRulesFor } from './site-rules';

export function siteRuleHandlers(db: RegularsDb, now: () => number): Pick<Handlers, 'siteRule.save' | 'siteRule.forHost' | 'siteRule.list' | 'siteRule.delete'> {
  return {
    'siteRule.save': (input) => saveSiteRule(db, input, now()),
    'siteRule.forHost': ({ host }) => siteRulesFor(db, host),
    'siteRule.list': () => listSiteRules(db),
    'siteRule.delete': async ({ id }) => ({ deleted: await deleteSiteRule(db, id) }),
  };
}
