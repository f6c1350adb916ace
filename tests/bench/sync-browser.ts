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
import type { Page } from '@playwright/test';
import { CATCH_UP_BATCH } from '../../lib/background/sync/engine';
import { launchWithExtension } from '../support/extension';
import { send } from '../support/protocol';
import { backgroundSettled, BENCH_DIR, emit, pct, round } from './common';
import { startBenchSite } from './pages';
import { syncJoinAb } from './sync-ab';
import { join, type Status } from './sync-join';
import { panelPaint } from './site-figures';
import { AGENTS, seedTeam, TEAM_DB } from './sync-seed';
import { startBenchCouch, type BenchCouch } from './sync-server';

/** Waits (up to 10 min) until the profile has been synced with nothing waiting to be sent for 3 s. */
async function sentAll(page: Page): Promise<{ waitingAtStart: number }> {
  const first = await send<Status>(page, 'sync.status', {});
  let quiet = 0;
  for (const end = Date.now() + 600_000; Date.now() < end; await page.waitForTimeout(500)) {
    const s = await send<Status>(page, 'sync.status', {});
    quiet = s.state === 'synced' && !s.waiting ? quiet + 1 : 0;
    if (quiet > 6) return { waitingAtStart: first.waiting ?? 0 };
  }
  throw new Error('Still sending 10 minutes after the join');
}

/** Requests by kind ("GET /shop/_changes"), most frequent first. */
function requestKinds(lines: readonly string[]): Record<string, number> {
  const kinds = new Map<string, number>();
  for (const l of lines) {
    const kind = l.replace(/\?.*$/, '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1]));
}

/** Connects again after a Disconnect (the checkpoint kept: nothing new to read) and waits for "Synced". */
async function rejoin(page: Page, server: BenchCouch): Promise<void> {
  await join(page, server);
  await backgroundSettled(page);
}

export async function browserSyncBenches(members: number): Promise<void> {
  if (process.env.BENCH_SYNC_AB_DIR) return syncJoinAb(members, process.env.BENCH_SYNC_AB_DIR);
  const server = await startBenchCouch();
  const site = await startBenchSite();
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR });
  try {
    const seeded = await seedTeam(server, members);
    emit({ bench: 'sync-seed-server', members, orders: seeded.orders, documents: seeded.documents, ms: Math.round(seeded.ms), docs_per_s: Math.round(seeded.documents / (seeded.ms / 1000)), direct_documents: seeded.direct, direct_ms: Math.round(seeded.directMs), validated_documents: seeded.validated, note: 'PouchDB bulkDocs in the server process, then the owner\'s setup (validate_doc_update), then the last members by an agent through _bulk_docs and validate_doc_update' });

    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const baseline = [server.url, TEAM_DB, AGENTS[1], CATCH_UP_BATCH] as const;
    const raw = await page.evaluate(([url, db, user, batch]) => regularsBench.rawChangesAndPuts(url, db, user, batch), baseline);

    type Phases = { read(): Record<string, number>; reset(): void };
    const phases = () => ext.serviceWorker.evaluate(() => (globalThis as unknown as { regularsImportPhases: Phases }).regularsImportPhases.read());
    await ext.serviceWorker.evaluate(() => (globalThis as unknown as { regularsImportPhases: Phases }).regularsImportPhases.reset());
    const joined = await join(page, server);
    const joinPhases = Object.fromEntries(Object.entries(await phases()).map(([k, v]) => [k, Math.round(v)]));
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
      raw_changes_read_ms: Math.round(raw.readMs),
      ratio_vs_raw: round(joined.ms / raw.ms),
      progress_readings: joined.seenProgress,
      phases_ms: joinPhases,
      target_ms: 90_000,
      note: 'Chromium, the extension worker\'s engine; baseline in the bench page of the same browser, same batches',
    });

    if (process.env.BENCH_SYNC_INITIAL_ONLY) return;
    // Idle: the profile stays connected, nothing changes; what it asks the server meanwhile. First
    // what the join leads to is sent: the reminders the sweep makes of the team's orders are shared
    // rows (12.6k follow-ups at 100k members, measured), and their sending would count as idle.
    await backgroundSettled(page);
    const sendStart = performance.now();
    const sendBefore = server.requests().length;
    const sent = await sentAll(page);
    const sending = server.requests().slice(sendBefore);
    emit({ bench: 'sync-after-join-send', ms: Math.round(performance.now() - sendStart), waiting_at_start: sent.waitingAtStart, requests: sending.length, kinds: requestKinds(sending), note: 'after the join and the background settled: until nothing waits to be sent (the sweep\'s reminders of the team\'s orders)' });
    const idleMs = Number(process.env.BENCH_SYNC_IDLE_MS ?? 60_000);
    const before = server.requests().length;
    await page.waitForTimeout(idleMs);
    const idle = server.requests().slice(before);
    emit({ bench: 'sync-idle-requests', window_ms: idleMs, requests: idle.length, per_minute: round((idle.length * 60_000) / idleMs), kinds: requestKinds(idle), state: (await send<Status>(page, 'sync.status', {})).state, note: '_changes long-poll of 25 s' });

    // Sync on and off alternately (ABAB), so neither side alone meets the other helpers' load.
    const on: number[] = [];
    const off: number[] = [];
    for (let round = 0; round < 2; round++) {
      on.push(...(await panelPaint(ext.context, site.url, members)));
      await send(page, 'sync.disconnect', {});
      off.push(...(await panelPaint(ext.context, site.url, members)));
      if (round === 0) await rejoin(page, server);
    }
    emit({ bench: 'sync-panel-paint', members: counts.members, samples: on.length, median_ms: round(pct(on, 0.5)), p95_ms: round(pct(on, 0.95)), max_ms: round(Math.max(...on)), sync_off_median_ms: round(pct(off, 0.5)), sync_off_p95_ms: round(pct(off, 0.95)), target_p95_ms: 50, note: 'sync on, off, on, off in the same profile' });
  } finally {
    await ext.close();
    await site.close();
    await server.stop();
  }
}
