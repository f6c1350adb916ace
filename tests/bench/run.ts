// `npm run bench`: one JSON line per figure, each with its baseline measured in the same run.
// Built with REGULARS_BENCH=1 (adds bench.html to a separate .output-bench build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../support/extension';

declare const regularsBench: {
  generate(members: number, orders: number, now: number): number;
  insertRatio(count: number, now: number): Promise<{ rows: number; members: number; identities: number; storeMs: number; rawMs: number; rawAllMs: number; phases: Record<string, number> }>;
  seedThroughProtocol(): Promise<{ ms: number; counts: { members: number; orders: number } }>;
  directLookups(samples: number, members: number): Promise<{ samples: number; medianMs: number; p95Ms: number; maxMs: number }>;
  lookups(samples: number, members: number): Promise<{ samples: number; found: number; medianMs: number; p95Ms: number; maxMs: number }>;
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 300_000);
const round = (n: number) => Math.round(n * 100) / 100;
const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

async function main() {
  const ext = await launchWithExtension({ extensionDir: path.join(ROOT, '.output-bench', 'chrome-mv3') });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const now = Date.now();
    await page.evaluate(([m, o, n]) => regularsBench.generate(m!, o!, n!), [MEMBERS, ORDERS, now]);

    const insert = await page.evaluate(([count, n]) => regularsBench.insertRatio(count!, n!), [ORDERS, now]);
    emit({
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

    const seeded = await page.evaluate(() => regularsBench.seedThroughProtocol());
    emit({ bench: 'seed-through-protocol', members: seeded.counts.members, orders: seeded.counts.orders, ms: round(seeded.ms), orders_per_s: Math.round(seeded.counts.orders / (seeded.ms / 1000)) });

    await page.evaluate(([m]) => regularsBench.lookups(200, m!), [MEMBERS]); // warm-up: cold worker, caches
    const lookup = await page.evaluate(([m]) => regularsBench.lookups(2000, m!), [MEMBERS]);
    const direct = await page.evaluate(([m]) => regularsBench.directLookups(2000, m!), [MEMBERS]);
    emit({ bench: 'member-lookup-direct', note: 'same lookups on the database from an extension page, no messaging', samples: direct.samples, median_ms: round(direct.medianMs), p95_ms: round(direct.p95Ms), max_ms: round(direct.maxMs) });
    emit({ bench: 'member-lookup', members: seeded.counts.members, orders: seeded.counts.orders, samples: lookup.samples, found: lookup.found, median_ms: round(lookup.medianMs), p95_ms: round(lookup.p95Ms), max_ms: round(lookup.maxMs), target_p95_ms: 5 });
  } finally {
    await ext.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
