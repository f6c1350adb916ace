// Why connecting to (or setting up) the team server failed, as a reason the page translates
// (lib/i18n/reasons.ts): the server's own words are English, so they go to the log only.
import { because, type Reason } from '../../domain/reason';
import { CouchError } from './couch';

export function teamRefusal(e: unknown): Reason {
  if (!(e instanceof CouchError)) return e instanceof TypeError ? because('team.unreachable') : because('team.failed');
  if (e.error === 'bad_address') return because(/https:\/\/$/.test(e.reason) ? 'team.notHttps' : 'team.badAddress');
  if (e.error === 'bad_db') return because('team.badDb');
  if (e.status === 401) return because('team.wrongPassword');
  if (e.status === 403) return because('team.forbidden');
  if (e.status === 404) return because('team.notFound');
  if (e.status >= 500) return because('team.serverError', { status: String(e.status) });
  return because('team.refused', { status: String(e.status) });
}
