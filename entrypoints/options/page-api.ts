// What the settings page talks to: the background's messages, the import's transports and workers,
// the browser's permissions. Its sections (main.tsx) get these as props.
import type { ImportSectionProps } from '@/components/import-section';
import { streamEither, streamInBackground, streamThroughPage } from '@/components/stream-in-background';
import type { TeamApi } from '@/components/team-section';
import type { TierLadder } from '@/lib/domain/types';
import { switchableMarketplaces } from '@/lib/hosts/access';
import { send } from '@/lib/messaging/browser-client';
import { backgroundWorker, sendBulk } from '@/lib/messaging/bulk-client';
import { IMPORT_HOLD_PORT } from '@/lib/messaging/protocol-import-file';
import { endInSteps } from '@/lib/messaging/import-end-steps';
import { storeFiles } from '@/lib/export/store-files';
import { benchTimed } from './bench-timings';

export const MARKETPLACES = switchableMarketplaces();
// Backup, restore and CSV export read and write the database from this page (lib/export/store-files).
export const STORE_FILES = storeFiles(send);

// ?streamAbove=N (bytes) lets tests stream small files through the big-file path.
export const streamAbove = Number(new URLSearchParams(location.search).get('streamAbove') ?? '') || undefined;
// The bench build times this page's import messages (tests/bench); other builds send them as they are.
const timed = import.meta.env.REGULARS_BENCH ? benchTimed : <A extends unknown[], R>(_: string, call: (...a: A) => Promise<R>) => call;
// An import's messages go by structured clone to the background's worker, in the order they are sent.
// The bench build's ?transport=runtime sends them by runtime messaging instead: the same run's baseline.
const bulk = import.meta.env.REGULARS_BENCH && new URLSearchParams(location.search).get('transport') === 'runtime' ? send : sendBulk;
export const importBatch = timed('orders.import', (rowsJson: string, session: string) => bulk('orders.import', { rowsJson, session }));
// The end a step at a time, each answered well inside the time the browser gives one message (import-end-steps.ts).
export const endImport = timed('orders.importEnd', (session: string) => endInSteps((s) => bulk('orders.importEnd', { session: s, step: true }), session));
export const cancelImport = (session: string) => bulk('orders.importCancel', { session });
export const importWorker = () => new Worker(new URL('../../lib/import/import-worker.ts', import.meta.url), { type: 'module' });
/** The port the background reads as this page being there through its file's import (file-import.ts). */
const holdImport = (id: string) => {
  const port = browser.runtime.connect({ name: `${IMPORT_HOLD_PORT}${id}` });
  return () => port.disconnect();
};
// A big file goes to the background, which reads it where it stores it (file-import.ts); a spreadsheet,
// or every file where there is no service worker to hand it to (or the bench's runtime baseline),
// is read by this page's worker and stored batch by batch.
export const streamFile: ImportSectionProps['streamFile'] = (file, options, session, seen, onStored) =>
  streamEither(
    file,
    async () => bulk === sendBulk && (await backgroundWorker()) !== undefined,
    () => streamInBackground(sendBulk, file, options, session, seen, onStored, { hold: holdImport }),
    () => streamThroughPage(importWorker, importBatch, file, options, session, seen, onStored),
  );
// The lapse suggestion and the category figures: those of the report the background keeps from the
// change stream (current, or computed now: after an import it is computing it already). Read from
// every order in a worker of this page instead, they were read from the rows right after an import
// (before the background had kept its order ledger), while the background still held the import's own memory.
export const currentReport = () => send('reports.refresh', {}).then(({ snapshot }) => snapshot.report);
// Every member's tier facts under a window: the background's, kept from the change stream (read from the
// store here, right after an import they were read from every member row).
export const tierFactsOf = (window: TierLadder['window']) =>
  send('tiers.facts', { window }).then(({ orderCount, spendMinor }) => orderCount.map((n, i) => ({ orderCount: n, spendMinor: spendMinor[i]! })));

export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const loadJourneys = () => send('journeys.settings.get', {});
// The extension's origin holds the member store (IndexedDB): its usage is what the store takes on disk.
export const storeUsage = () => navigator.storage.estimate().then((e) => e.usage);

export const TEAM: TeamApi = {
  status: () => send('sync.status', {}),
  connect: (c) => send('sync.connect', c),
  disconnect: () => send('sync.disconnect', {}),
  retry: () => send('sync.retry', {}),
  setup: (s) => send('sync.setup', s),
  // The team server's origin only, asked when the user presses Connect (a user gesture).
  allowOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
};
