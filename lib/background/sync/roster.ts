// Who is on the team, for "Assign to": the team database's members (its _security object, which
// CouchDB lets every member read) and every user a team document names as its writer. Kept in sync's
// own state, so the list is there offline too.
import { writersOf, type SyncDoc } from '../../domain/sync/documents';
import type { CouchClient } from './couch';
import { readMeta, writeMeta, type SyncStateDb } from './state';

/** How long a read of _security answers for: the Today list asks on every open. */
const MEMBERS_FRESH_MS = 60_000;

export function teamRoster(state: SyncStateDb, client: CouchClient, me: string) {
  const seen = new Set<string>();
  let fresh = 0;

  return {
    /** An incoming document: its writers join the roster (kept at the next flush). */
    saw(doc: SyncDoc): void {
      for (const name of writersOf(doc)) if (name) seen.add(name);
    },
    async flush(): Promise<void> {
      if (!seen.size) return;
      const known = new Set((await readMeta<string[]>(state, 'writers')) ?? []);
      const before = known.size;
      for (const name of seen) known.add(name);
      seen.clear();
      if (known.size > before) await writeMeta(state, 'writers', [...known]);
    },
    /** Everyone on the team, this user included, sorted. */
    async names(): Promise<string[]> {
      if (Date.now() - fresh > MEMBERS_FRESH_MS) {
        const security = await client.getSecurity().catch(() => undefined);
        if (security) {
          fresh = Date.now();
          await writeMeta(state, 'teamMembers', security.members?.names ?? []);
        }
      }
      const members = (await readMeta<string[]>(state, 'teamMembers')) ?? [];
      const writers = (await readMeta<string[]>(state, 'writers')) ?? [];
      return [...new Set([me, ...members, ...writers, ...seen])].sort((a, b) => a.localeCompare(b));
    },
  };
}
export type TeamRoster = ReturnType<typeof teamRoster>;
