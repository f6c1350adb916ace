// Why connecting to (or setting up) the team server failed, beyond the refusals the page already
// names by code (TEAM_REFUSALS: a wrong password, refused admin credentials, no answer, a bad
// address or database name): a reason it translates, as the server's own words are English.
import { because, type Reason } from '../../domain/reason';
import { CouchError } from './couch';

export function teamRefusal(e: unknown): Reason {
  if (!(e instanceof CouchError)) return because('team.failed');
  if (e.status === 403) return because('team.forbidden');
  if (e.status === 404) return because('team.notFound');
  if (e.status >= 500) return because('team.serverError', { status: String(e.status) });
  return because('team.refused', { status: String(e.status || e.error) });
}
