// The server comes back after a time offline: sync catches up by itself at its next retry, and at
// once when the user asks ("Retry now" in Options → Team), with what was done offline sent.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { addTag } from '../members/card';
import { NOW, order } from '../test-helpers';
import type { SyncDeps } from './engine-types';

const { teamWithShop, machine } = teamOnTestServer();

/**
 * A new team whose first computer's network can be cut: while `down`, every request fails as fetch
 * does when nothing answers. Its retries wait `retry` (the tests' short waits unless given).
 */
async function cuttable(retry?: SyncDeps['retry']) {
  const line = { down: false };
  const fetch: typeof globalThis.fetch = (input, init) => (line.down ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(input, init));
  const { team, a } = await teamWithShop([order({ buyer: { handle: 'kai' } })], { open: (team) => machine(team, 'alice', 'alice-pw', { fetch, ...(retry ? { retry } : {}) }) });
  return { team, a, line, kai: (await a.db.members.toArray())[0]! };
}

describe('after the server was unreachable', () => {
  it('sync catches up by itself at its next retry, and sends what was done offline', async () => {
    const { team, a, line, kai } = await cuttable();
    line.down = true;
    await addTag(a.db, kai.id, 'X', NOW + 1);
    await expect.poll(() => a.engine.status().state, { timeout: 5000 }).toBe('offline');
    line.down = false;
    await a.engine.settled(10_000);
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled();
    expect((await b.db.members.get(kai.id))?.tags).toEqual(['X']);
  }, 30_000);

  it('"Retry now" tries the server at once instead of at the retry time the status line shows', async () => {
    // The extension's waits: 1 s after the first failure, doubled after each.
    const { a, line, kai } = await cuttable({ firstMs: 1000, maxMs: 30_000 });
    line.down = true;
    // Each change made offline tries the server once more, and each failure doubles the wait.
    for (const [i, tag] of ['X', 'Y', 'Z'].entries()) {
      await addTag(a.db, kai.id, tag, NOW + 1 + i);
      await expect.poll(() => a.engine.status().state, { timeout: 5000 }).toBe('offline');
    }
    await expect.poll(() => (a.engine.status().at ?? 0) - Date.now(), { timeout: 10_000 }).toBeGreaterThan(1500);
    const retryAt = a.engine.status().at!;
    line.down = false;
    a.engine.retryNow();
    await a.engine.settled(5000);
    expect(Date.now()).toBeLessThan(retryAt);
    expect(a.engine.status().waiting).toBe(0);
  }, 30_000);
});
