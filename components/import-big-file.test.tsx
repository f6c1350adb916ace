// @vitest-environment happy-dom
// Big files in the options page: read and stored by the background (file-import.ts), which tells the
// page what each stored batch changed. What the seller reads at the end, and what a cancel does.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { ImportedOrder } from '@/lib/domain/imported-order';
import { defaultSettings } from '@/lib/domain/settings';
import type { DistinctKeys } from '@/lib/import/distinct-keys';
import type { ReadOptions } from '@/lib/import/read-export';
import { translator } from '@/lib/i18n';
import { ImportSection } from './import-section';
import type { StreamSummary, WorkerRead } from './read-in-worker';
import type { OnStored } from './stream-in-background';
import { testRoot } from './panel/test-dom';

const dom = testRoot();

const orders: ImportedOrder[] = ['ana', 'bo'].map((handle, i) => ({
  platform: 'demo', orderNo: `C${i}`, buyer: { handle }, amountMinor: 1000, currency: 'USD', status: 'delivered', placedAt: Date.UTC(2026, 10, 1 + i),
  items: [{ title: 'Linen shirt', quantity: 1, priceMinor: 1000 }],
}));
const head: WorkerRead = { ok: true, fileName: 'orders.csv', preset: { id: 'demo', label: 'Demo' }, platform: 'demo', encoding: 'utf-8', rowCount: 2, orders, problems: [] };
const summary: StreamSummary = { ok: true, preset: { id: 'demo', label: 'Demo' }, platform: 'demo', encoding: 'utf-8', rowCount: 3, orderCount: 3, problemCount: 0 };
const result = (added: number, unchanged: number) => ({ orders: { added, updated: 0, unchanged }, members: { created: added, updated: 0 }, merges: [] });

interface Call {
  file: string;
  session: string;
  seen: DistinctKeys;
  onStored: OnStored;
  finish(done?: StreamSummary): void;
  stopped: boolean;
}

/** A background that reads each big file as told: the test stores its batches and ends it. */
function fakeBackground() {
  const calls: Call[] = [];
  const streamFile = (file: File, _options: ReadOptions, session: string, seen: DistinctKeys, onStored: OnStored) => {
    let finish!: (done?: StreamSummary) => void;
    const done = new Promise<StreamSummary>((resolve) => (finish = (d = summary) => resolve(d)));
    const call: Call = { file: file.name, session, seen, onStored, finish, stopped: false };
    calls.push(call);
    return { done, stop: () => ((call.stopped = true), finish({ ok: false, message: 'stopped' })) };
  };
  return { calls, streamFile };
}

async function startImport(streamFile: ReturnType<typeof fakeBackground>['streamFile'], events: string[]) {
  const t = translator('en');
  await act(async () =>
    dom.root().render(
      <ImportSection
        t={t}
        locale="en"
        settings={defaultSettings()}
        counts={{ members: 0, orders: 0 }}
        readFile={async () => head}
        streamFile={streamFile}
        streamAbove={0}
        importBatch={async () => {
          throw new Error('a big file’s batches are stored by the background, not sent by the page');
        }}
        saveMappings={async () => undefined}
        endImport={async (session) => (events.push(`end ${session}`), { members: { created: 2, matched: 1 } })}
        cancelImport={async (session) => (events.push(`cancel ${session}`), { kept: 0 })}
        onImported={() => undefined}
      />,
    ),
  );
  const input = dom.host().querySelector<HTMLInputElement>('input[type=file]')!;
  const files = [new File(['Order,Buyer\nC0,ana\nC1,bo\n'], 'a.csv', { type: 'text/csv' }), new File(['Order,Buyer\nC1,bo\nC2,cy\n'], 'b.csv', { type: 'text/csv' })];
  Object.defineProperty(input, 'files', { value: files });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  const buttons = () => [...dom.host().querySelectorAll('button')];
  await act(async () => buttons().find((b) => b.classList.contains('primary'))!.click());
  return {
    status: () => dom.host().querySelector('[role=status]')?.textContent ?? '',
    cancel: () => act(async () => buttons().find((b) => b.textContent === t('options.import.cancel'))!.click()),
  };
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('a big file read by the background', () => {
  it('counts what each stored batch changed, and each order of the session once across its files', async () => {
    const background = fakeBackground();
    const events: string[] = [];
    const page = await startImport(background.streamFile, events);
    await settle();
    const [a] = background.calls;
    expect(a).toMatchObject({ file: 'a.csv' });
    // The background counts the file's orders on the session's counter.
    a!.onStored([{ result: result(2, 0), orders: 2 }], [], { bytes: 10, totalBytes: 40, rows: 2 });
    for (const key of ['demo:C0', 'demo:C1']) a!.seen.add(key);
    a!.finish();
    await settle();
    const b = background.calls[1]!;
    // The same session and the same counter: C1 is in both files.
    expect(b.session).toBe(a!.session);
    expect(b.seen).toBe(a!.seen);
    b.onStored([{ result: result(1, 0), orders: 1 }, { result: result(0, 1), orders: 1 }], [], { bytes: 20, totalBytes: 20, rows: 2 });
    for (const key of ['demo:C1', 'demo:C2']) b.seen.add(key);
    b.finish();
    await settle();
    expect(events).toEqual([`end ${a!.session}`]);
    expect(page.status()).toContain('Imported 3 orders: 2 new members, 1 existing member matched');
    expect(page.status()).toContain('3 new, 0 updated, 1 unchanged order');
  });

  it('a cancel stops the background’s read first, then takes the import back', async () => {
    const background = fakeBackground();
    const events: string[] = [];
    const page = await startImport(background.streamFile, events);
    await settle();
    const [a] = background.calls;
    a!.onStored([{ result: result(2, 0), orders: 2 }], [], { bytes: 10, totalBytes: 40, rows: 2 });
    await page.cancel();
    await settle();
    expect(a!.stopped).toBe(true);
    expect(events).toEqual([`cancel ${a!.session}`]);
    // The second file is never read.
    expect(background.calls).toHaveLength(1);
    expect(page.status()).toBe('Import cancelled: your master file is as it was before.');
  });
});
