// A piece of the sync engine's loop (engine.ts): what a failed round means for the state the pages show.
import { CouchError, type CouchClient } from './couch';

/**
 * 401 is a lost session or a non-member (servers differ): the session tells which. 404 is a
 * database name nobody set up (or one deleted): retrying would not help, the user must act.
 */
export async function failureState(client: CouchClient, e: unknown): Promise<'notMember' | 'noDatabase' | 'offline' | 'signIn'> {
  if (e instanceof CouchError && e.status === 403) return 'notMember';
  if (e instanceof CouchError && e.status === 404) return 'noDatabase';
  if (!(e instanceof CouchError && e.status === 401)) return 'offline';
  const who = await client.session().catch(() => undefined);
  return who?.userCtx.name ? 'notMember' : 'signIn';
}
