// Joining the bench's team database from the bench page: Connect as bob, then "Synced".
import type { Page } from '@playwright/test';
import { send } from '../support/protocol';
import { AGENTS, TEAM_DB } from './sync-seed';
import type { BenchCouch } from './sync-server';

export type Status = { state: string; at?: number; waiting?: number; progress?: { done: number; total: number } };

/**
 * Connect as bob and wait for "Synced"; the time from Connect to the worker's own "synced at", and
 * the most local changes seen waiting to be sent meanwhile (a join sends nothing of its own).
 * `midJoin` runs once, `atMs` after Connect, beside the join (BENCH_SYNC_SWEEP_AT_MS); what it
 * resolves with, if a number, is how far it moved the worker's clock (taken off its "synced at").
 */
type MidJoin = { atMs: number; run: () => Promise<unknown> };

export async function join(page: Page, server: BenchCouch, midJoin?: MidJoin): Promise<{ ms: number; seenProgress: number; peakWaiting: number }> {
  const bob = AGENTS[1];
  const t0 = Date.now();
  await send(page, 'sync.connect', { server: server.url, db: TEAM_DB, user: bob.name, password: bob.password });
  let seenProgress = 0;
  let peakWaiting = 0;
  let during: Promise<unknown> | undefined;
  for (;;) {
    const s = await send<Status>(page, 'sync.status', {});
    if (s.progress) seenProgress++;
    peakWaiting = Math.max(peakWaiting, s.waiting ?? 0);
    if (midJoin && !during && Date.now() - t0 >= midJoin.atMs) during = midJoin.run().catch((e) => console.error('the mid-join step failed', e));
    if (s.state === 'synced' && !s.progress && s.at) {
      const moved = await during;
      return { ms: s.at - t0 - (typeof moved === 'number' ? moved : 0), seenProgress, peakWaiting };
    }
    if (!['starting', 'syncing', 'offline'].includes(s.state)) throw new Error(`initial sync ended in ${s.state}`);
    if (Date.now() - t0 > 60 * 60_000) throw new Error('initial sync did not end within an hour');
    await page.waitForTimeout(250);
  }
}
