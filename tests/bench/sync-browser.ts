// Team sync in a real extension profile (BENCH_ONLY=sync): Chromium with the bench build joins a
// team database on pouchdb-server (loopback, in memory) through the background worker's engine.
// JSON lines, each with its baseline from the same run:
// - sync-seed-server: writing the team's documents into the server (the cost of the setup itself);
// - sync-initial: Connect to "Synced" in a fresh profile (target <= 90 s), beside a raw read of the
//   same _changes plus raw IndexedDB puts of their rows, in the same browser;
// - sync-idle-requests: requests the connected, idle profile makes per minute (from the server's
//   request log: a long-poll, never a busy poll);
// - sync-panel-paint: the chat panel's paint with sync connected, p95 (target 50 ms), beside the
//   same paints in the same profile after Disconnect.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CATCH_UP_BATCH } from '../../lib/background/sync/engine';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { launchWithExtension } from '../support/extension';
import { send } from '../support/protocol';
import { backgroundSettled, BENCH_DIR, emit, pct, round } from './common';
import { startBenchSite } from './pages';
import { panelPaint } from './site-figures';
import { AGENTS, seedTeam, TEAM_DB } from './sync-seed';

const requestsLogged = (server: CouchServer) => readFileSync(server.logFile(), 'utf8').split('\n').filter(Boolean).length;

type Status = { state: string; at?: number; progress?: { done: number; total: number } };

/** Connect as bob and wait for "Synced"; the time from Connect to the worker's own "synced at". */
async function join(page: Page, server: CouchServer): Promise<{ ms: number; seenProgress: number }> {
  const bob = AGENTS[1];
  const t0 = Date.now();
  await send(page, 'sync.connect', { server: server.url, db: TEAM_DB, user: bob.name, password: bob.password });
  let seenProgress = 0;
  for (;;) {
    const s = await send<Status>(page, 'sync.status', {});
    if (s.progress) seenProgress++;
    if (s.state === 'synced' && !s.progress && s.at) return { ms: s.at - t0, seenProgress };
    if (!['starting', 'syncing', 'offline'].includes(s.state)) throw new Error(`initial sync ended in ${s.state}`);
    if (Date.now() - t0 > 60 * 60_000) throw new Error('initial sync did not end within an hour');
    await page.waitForTimeout(250);
  }
}

export async function browserSyncBenches(members: number): Promise<void> {
  const server = await startCouchServer();
  const site = await startBenchSite();
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR });
  try {
    const seeded = await seedTeam(server, members);
    emit({ bench: 'sync-seed-server', members, orders: seeded.orders, documents: seeded.documents, ms: Math.round(seeded.ms), docs_per_s: Math.round(seeded.documents / (seeded.ms / 1000)), note: 'admin _bulk_docs of 10k documents into pouchdb-server --in-memory, before validate_doc_update is installed' });

    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const baseline = [server.url, TEAM_DB, AGENTS[1], CATCH_UP_BATCH] as const;
    const raw = await page.evaluate(([url, db, user, batch]) => regularsBench.rawChangesAndPuts(url, db, user, batch), baseline);

    const joined = await join(page, server);
    const counts = await send<{ members: number; orders: number; identities: number }>(page, 'store.counts', {});
    emit({
      bench: 'sync-initial',
      members,
      orders: seeded.orders,
      documents: seeded.documents,
      store_members: counts.members,
      store_orders: counts.orders,
      ms: joined.ms,
      raw_changes_and_puts_ms: Math.round(raw.ms),
      raw_documents: raw.documents,
      ratio_vs_raw: round(joined.ms / raw.ms),
      progress_readings: joined.seenProgress,
      target_ms: 90_000,
      note: 'Chromium, the extension worker\'s engine; baseline in the bench page of the same browser, same batches',
    });

    // Idle: the profile stays connected, nothing changes; what it asks the server meanwhile.
    await backgroundSettled(page);
    const idleMs = Number(process.env.BENCH_SYNC_IDLE_MS ?? 60_000);
    const before = requestsLogged(server);
    await page.waitForTimeout(idleMs);
    const requests = requestsLogged(server) - before;
    emit({ bench: 'sync-idle-requests', window_ms: idleMs, requests, per_minute: round((requests * 60_000) / idleMs), state: (await send<Status>(page, 'sync.status', {})).state, note: '_changes long-poll of 25 s' });

    const on = await panelPaint(ext.context, site.url, members);
    await send(page, 'sync.disconnect', {});
    const off = await panelPaint(ext.context, site.url, members);
    emit({ bench: 'sync-panel-paint', members: counts.members, samples: on.length, median_ms: round(pct(on, 0.5)), p95_ms: round(pct(on, 0.95)), max_ms: round(Math.max(...on)), sync_off_median_ms: round(pct(off, 0.5)), sync_off_p95_ms: round(pct(off, 0.95)), target_p95_ms: 50 });
  } finally {
    await ext.close();
    await site.close();
    await server.stop();
  }
}
