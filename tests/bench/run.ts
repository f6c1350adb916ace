// `npm run bench`: one JSON line per figure, each with its baseline measured in the same run.
// Built with REGULARS_BENCH=1 (adds bench.html to a separate .output-bench build).
import { readFileSync } from 'node:fs';
import { syncBenches } from './sync';
import { syncReadBenches } from './sync-reads';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { findChromium } from '../support/chromium';
import { launchWithExtension } from '../support/extension';
import { backgroundSettled, BENCH_DIR, emit, pct, round, seededBenchPage } from './common';
import { importAbBench } from './import-ab';
import { importBench, importMemoryBench } from './import-file';
import { emitScroll, membersTableScroll, segmentBenches } from './members-segments';
import { startBenchSite } from './pages';
import { popupAbBench } from './popup-ab';
import { popupBenches, reminderBenches } from './reminders-popup';
import { reportsBench, tierBench } from './reports-tiers';
import { contentScriptCost, panelPaint, scriptTimePerLoad } from './site-figures';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 300_000);

/**
 * One group of figures on its own: Chromium with the bench build, the bench page, and the store
 * seeded through the protocol unless BENCH_PROFILE=DIR kept a seeded one from an earlier run.
 */
async function benchGroup(run: (page: Page, context: BrowserContext, extensionId: string, counts: { members: number; orders: number }) => Promise<void>) {
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR, userDataDir: process.env.BENCH_PROFILE });
  try {
    const { page, counts } = await seededBenchPage(ext.context, ext.extensionId, MEMBERS, ORDERS);
    await run(page, ext.context, ext.extensionId, counts);
  } finally {
    await ext.close();
  }
}

/** BENCH_ONLY=segments: only the segment and members-table figures. */
const segmentsOnly = () =>
  benchGroup(async (page, context, extensionId) => {
    await segmentBenches(page);
    await membersPage(page, context, extensionId);
  });

/** The members page's figures, beside a raw read of what it reads (every member and identity). */
async function membersPage(page: Page, context: BrowserContext, extensionId: string) {
  await backgroundSettled(page);
  const raw = await page.evaluate(() => regularsBench.rawGetAllOf(['members', 'identities']));
  emitScroll(await membersTableScroll(context, extensionId), raw);
}

/** Member lookups through the protocol, beside the same lookups on the database with no messaging. */
async function lookups(page: Page, counts: { members: number; orders: number }) {
  await page.evaluate(([m]) => regularsBench.lookups(200, m!), [MEMBERS]); // warm-up: cold worker, caches
  const lookup = await page.evaluate(([m]) => regularsBench.lookups(2000, m!), [MEMBERS]);
  const direct = await page.evaluate(([m]) => regularsBench.directLookups(2000, m!), [MEMBERS]);
  // A build before the read port has no messageLookups (an A/B against it): its lookups are by message.
  const message = await page.evaluate(([m]) => (typeof regularsBench.messageLookups === 'function' ? regularsBench.messageLookups(2000, m!) : undefined), [MEMBERS]);
  if (message) emit({ bench: 'member-lookup-message', note: 'same lookups by one runtime message each (the panel before its read port)', samples: message.samples, median_ms: round(message.medianMs), p95_ms: round(message.p95Ms), max_ms: round(message.maxMs) });
  emit({ bench: 'member-lookup-direct', note: 'same lookups on the database from an extension page, no messaging', samples: direct.samples, median_ms: round(direct.medianMs), p95_ms: round(direct.p95Ms), max_ms: round(direct.maxMs) });
  emit({ bench: 'member-lookup', ...counts, samples: lookup.samples, found: lookup.found, median_ms: round(lookup.medianMs), p95_ms: round(lookup.p95Ms), max_ms: round(lookup.maxMs), target_p95_ms: 5 });
}

async function panelPaintFigure(context: BrowserContext, site: string, counts: { members: number; orders: number }) {
  const paint = await panelPaint(context, site, MEMBERS);
  emit({ bench: 'panel-paint', ...counts, samples: paint.length, median_ms: round(pct(paint, 0.5)), p95_ms: round(pct(paint, 0.95)), max_ms: round(Math.max(...paint)), target_p95_ms: 50 });
}

/** BENCH_ONLY=panel: only the member lookups and the panel's paint (a kept BENCH_PROFILE skips the seed). */
async function panelOnly() {
  const site = await startBenchSite();
  try {
    await benchGroup(async (page, context, _extensionId, counts) => {
      await backgroundSettled(page);
      await lookups(page, counts);
      await panelPaintFigure(context, site.url, counts);
    });
  } finally {
    await site.close();
  }
}

/**
 * The imports: a 100k-order Shopify export fresh and again (BENCH_IMPORT_ORDERS, BENCH_IMPORT_MEMBERS),
 * then the memory of a BENCH_EXPORT_MB export (200 MB; 0 leaves it out).
 */
async function importBenches() {
  const [orders, members] = [Number(process.env.BENCH_IMPORT_ORDERS ?? 100_000), Number(process.env.BENCH_IMPORT_MEMBERS ?? 40_000)];
  // BENCH_IMPORT_AB_DIR=DIR: the fresh import alone, this build and another in turn (import-ab.ts).
  if (process.env.BENCH_IMPORT_AB_DIR) return importAbBench(process.env.BENCH_IMPORT_AB_DIR, orders, members);
  await importBench(orders, members);
  const megabytes = Number(process.env.BENCH_EXPORT_MB ?? 200);
  if (megabytes > 0) await importMemoryBench(megabytes);
}

/** BENCH_ONLY=reminders: only the reminder sweep and the popup's Today. */
const remindersOnly = () => benchGroup(reminderBenches);

async function main() {
  if (process.env.BENCH_ONLY === 'segments') return segmentsOnly();
  if (process.env.BENCH_ONLY === 'panel') return panelOnly();
  if (process.env.BENCH_ONLY === 'import') return importBenches();
  if (process.env.BENCH_ONLY === 'reminders') return remindersOnly();
  if (process.env.BENCH_ONLY === 'popup' && process.env.BENCH_POPUP_AB_DIR) return popupAbBench(process.env.BENCH_POPUP_AB_DIR, MEMBERS, ORDERS);
  if (process.env.BENCH_ONLY === 'popup') return benchGroup(popupBenches);
  if (process.env.BENCH_ONLY === 'tiers') return benchGroup((page) => tierBench(page).then(() => undefined));
  if (process.env.BENCH_ONLY === 'sync') return syncBenches();
  if (process.env.BENCH_ONLY === 'sync-reads') return syncReadBenches();
  const contentJs = readFileSync(path.join(BENCH_DIR, 'content-scripts', 'content.js'));
  emit({ bench: 'content-script-size', bytes: contentJs.length, gzip_bytes: gzipSync(contentJs, { level: 9 }).length });

  const site = await startBenchSite();
  const ext = await launchWithExtension({ extensionDir: BENCH_DIR });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const now = Date.now();
    await page.evaluate(([m, o, n]) => regularsBench.generate(m!, o!, n!), [MEMBERS, ORDERS, now]);

    const reportsOnly = process.env.BENCH_ONLY === 'reports';
    const insert = reportsOnly ? undefined : await page.evaluate(([count, n]) => regularsBench.insertRatio(count!, n!), [ORDERS, now]);
    if (insert) emit({
      bench: 'order-insert',
      rows: insert.rows,
      members: insert.members,
      identities: insert.identities,
      store_ms: round(insert.storeMs),
      store_rows_per_s: Math.round(insert.rows / (insert.storeMs / 1000)),
      // Baseline 1: raw IndexedDB put of the order rows alone.
      raw_orders_ms: round(insert.rawMs),
      ratio_vs_raw_orders: round(insert.storeMs / insert.rawMs),
      // Baseline 2: raw put of everything the store holds afterwards (orders + members + identities).
      raw_same_data_ms: round(insert.rawAllMs),
      ratio_vs_raw_same_data: round(insert.storeMs / insert.rawAllMs),
      target_ratio: 1.3,
      store_phases_ms: Object.fromEntries(Object.entries(insert.phases).map(([k, v]) => [k, Math.round(v)])),
    });

    // The reports page opens as soon as the seed ends (counting 300k orders first took the
    // background seconds, during which the report was computed unseen): the store is counted after.
    const seed = await page.evaluate(() => regularsBench.seedThroughProtocol(false));
    await reportsBench(ext.context, ext.extensionId, page, { endedAt: seed.endedAt, worker: ext.serviceWorker });
    const seeded = { ...seed, counts: await page.evaluate(() => regularsBench.storeCounts()) };
    emit({ bench: 'seed-through-protocol', members: seeded.counts.members, orders: seeded.counts.orders, ms: round(seeded.ms), orders_per_s: Math.round(seeded.counts.orders / (seeded.ms / 1000)) });

    if (reportsOnly) return;

    await lookups(page, seeded.counts);
    await segmentBenches(page);
    await membersPage(page, ext.context, ext.extensionId);
    await panelPaintFigure(ext.context, site.url, seeded.counts);

    await reminderBenches(page, ext.context, ext.extensionId, seeded.counts);

    const checks = await contentScriptCost(ext.context, site.url);
    emit({ bench: 'content-script-check', page: 'no buyer shown (loads + SPA navigations)', samples: checks.length, median_ms: round(pct(checks, 0.5)), p95_ms: round(pct(checks, 0.95)), max_ms: round(Math.max(...checks)), target_ms: 2 });

    // Baseline in the same run: the same page loads in the same Chromium without the extension.
    const withExt = await scriptTimePerLoad(ext.context, site.url);
    const plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const plainContext = await plain.newContext();
    const without = await scriptTimePerLoad(plainContext, site.url);
    await plain.close();
    emit({ bench: 'page-script-time', page: 'no buyer shown', with_extension_median_ms: round(pct(withExt, 0.5)), without_median_ms: round(pct(without, 0.5)), regulars_share_ms: round(pct(withExt, 0.5) - pct(without, 0.5)), target_ms: 2 });
  } finally {
    await ext.close();
    await site.close();
  }
  // BENCH_ONLY=store: the figures above alone (the imports and the team join take over an hour more).
  if (process.env.BENCH_ONLY === 'store') return;
  await importBenches();
  await syncBenches();
}

// Every figure is printed once main() settles. The sync bench's in-process team server (express-pouchdb
// over an in-memory PouchDB) leaves timers behind after its HTTP server closes, so end here.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
