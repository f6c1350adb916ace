// Vitest only: one pouchdb-server for a test file, and the team's computers syncing through it,
// each closed after its test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { teamMachines } from '../../lib/background/sync/test-helpers';
import { startCouchServer, type CouchServer } from './couch-server';

export function teamOnTestServer() {
  let started: CouchServer | undefined;
  const server = (): CouchServer => {
    if (!started) throw new Error('the team test server has not started yet');
    return started;
  };
  const team = teamMachines(server);
  beforeAll(async () => {
    started = await startCouchServer();
  }, 30_000);
  afterAll(async () => {
    await started?.stop();
  });
  afterEach(async () => {
    await Promise.all(team.running.splice(0).map((e) => e.close()));
  });
  return { ...team, server };
}
