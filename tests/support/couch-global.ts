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
  const started: Promise<CouchServer | undefined> = startCouchServer()
    .then(async (server) => {
      const admin = new CouchClient({ server: server.url, db: 'users', cookies: 'memory', basic: server.admin });
      for (const u of TEAM_USERS) await admin.putUser(u.name, u.password);
      tell({ url: server.url, admin: server.admin });
      return server;
    })
    .catch((error: unknown) => {
      tell({ error: String(error) });
      return undefined;
    });
  return async () => {
    await (await started)?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
