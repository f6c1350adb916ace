// Vitest's global setup: one pouchdb-server for the whole unit run, shared by every test file that
// syncs a team (team-machines.ts), each test on databases of its own. Started without holding up the
// run: where it listens is written to a file once it answers, and a file that needs it waits for that
// (a run with no sync test pays only the process). One server per file cost some 2-4 s per file.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CouchClient } from '../../lib/background/sync/couch';
import { startCouchServer, type CouchServer } from './couch-server';
import { TEAM_USERS } from './team-users';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared team server's address is written once it answers (or why it did not start). */
    teamServerFile: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'regulars-team-server-'));
  const file = join(dir, 'server.json');
  project.provide('teamServerFile', file);
  // Written whole, then moved into place: a reader never sees half of it.
  const tell = (what: object) => (writeFileSync(`${file}.part`, JSON.stringify(what)), renameSync(`${file}.part`, file));
  // Ended by the run's end while still starting (a run shorter than the start, or one that gave up
  // waiting for it): stopped there, not left to finish starting past the teardown. A server whose
  // users could not be made is stopped at the teardown too.
  const starting = new AbortController();
  let server: CouchServer | undefined;
  const started = startCouchServer({ signal: starting.signal })
    .then(async (s) => {
      server = s;
      const admin = new CouchClient({ server: s.url, db: 'users', cookies: 'memory', basic: s.admin });
      for (const u of TEAM_USERS) await admin.putUser(u.name, u.password);
      tell({ url: s.url, admin: s.admin });
    })
    .catch((error: unknown) => tell({ error: String(error) }));
  return async () => {
    starting.abort();
    await started;
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
