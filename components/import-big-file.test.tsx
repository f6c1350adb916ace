// @vitest-environment happy-dom
// Big files in the options page: read and stored by the background (file-import.ts), which tells the
// page what each stored batch changed. What the seller reads at the end, and what a cancel does.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { ImportedOrder } from '@/lib/domain/imported-order';
import { defaultSettings } from '@/lib/domain/settings';
import type { DistinctKeys } from '@/lib/import/distinct-keys';
import type { ReadOptions } from '@/lib/import/read-export';
import { translator, type UiLocale } from '@/lib/i18n';
import { BackgroundGone } from '@/lib/messaging/worker-post';
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

type Members = { members: { created: number; matched: number } };
const ended = async (): Promise<Members> => ({ members: { created: 2, matched: 1 } });

async function startImport(streamFile: ReturnType<typeof fakeBackground>['streamFile'], events: string[], locale: UiLocale = 'en', end = ended) {
  const t = translator(locale);
  await act(async () =>
    dom.root().render(
      <ImportSection
        t={t}
        locale={locale}
        settings={defaultSettings()}
        counts={{ members: 0, orders: 0 }}
        readFile={async () => head}
        streamFile={streamFile}
        streamAbove={0}
        importBatch={async () => {
          throw new Error('a big file’s batches are stored by the background, not sent by the page');
        }}
        saveMappings={async () => undefined}
        endImport={async (session) => (events.push(`end ${session}`), end())}
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
    alert: () => dom.host().querySelector('[role=alert]')?.textContent ?? '',
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

  // The browser stopped the background's worker in the middle of b.csv: what it stored stays and its
  // session is ended (its journal brings those members up to date), not taken back.
  it.each([
    ['en', ended, 'The import stopped in the middle of b.csv: the browser stopped Regulars’ background. The orders stored before it stopped are kept, each with its buyer (2 new members, 1 existing member matched). Import the same files again to add the rest: orders already stored are recognised, not added twice.'],
    ['zh-CN', ended, '导入 b.csv 到一半时停止了：浏览器停止了熟客的后台。停止前已存入的订单都保留着，每笔都有对应的买家（新会员 2 位，匹配到已有会员 1 位）。再导入一次这 2 个文件即可补上其余订单：已存入的订单会被认出，不会重复添加。'],
    // Its end could not be had either (the worker stopped again and again): the next start of the background finishes it.
    ['en', () => Promise.reject(new BackgroundGone()), 'The import stopped in the middle of b.csv: the browser stopped Regulars’ background. The orders stored before it stopped are kept; their buyers are brought up to date when the background starts again. Import the same files again to add the rest: orders already stored are recognised, not added twice.'],
    ['zh-TW', () => Promise.reject(new BackgroundGone()), '匯入 b.csv 到一半時停止了：瀏覽器停止了熟客的背景程式。停止前已存入的訂單都保留著；背景程式再次啟動時會補齊這些買家的資料。再匯入一次這 2 個檔案即可補上其餘訂單：已存入的訂單會被認出，不會重複新增。'],
  ] as const)('the background stopped mid-file (%s): what it stored is kept, the session ended, and the message names the file and what to do', async (locale, end, text) => {
    const background = fakeBackground();
    const events: string[] = [];
    const page = await startImport(background.streamFile, events, locale, end);
    await settle();
    background.calls[0]!.finish();
    await settle();
    const b = background.calls[1]!;
    b.onStored([{ result: result(1, 0), orders: 1 }], [], { bytes: 10, totalBytes: 20, rows: 1 });
    b.finish({ ok: false, error: new BackgroundGone(), message: 'The background stopped before it answered' });
    await settle();
    expect(events).toEqual([`end ${b.session}`]);
    expect(page.alert()).toBe(text);
  });
});
