// @vitest-environment happy-dom
// Cancelling an import in the options page: what the seller reads once the background has put the
// master file back, with and without buyers an agent wrote on meanwhile (kept), in each language.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { ImportedOrder } from '@/lib/domain/imported-order';
import { defaultSettings } from '@/lib/domain/settings';
import { translator, type UiLocale } from '@/lib/i18n';
import { ImportSection } from './import-section';
import type { WorkerRead } from './read-in-worker';
import { testRoot } from './panel/test-dom';

const dom = testRoot();

const orders: ImportedOrder[] = ['ana', 'bo', 'cy'].map((handle, i) => ({
  platform: 'demo', orderNo: `C${i}`, buyer: { handle }, amountMinor: 1000, currency: 'USD', status: 'delivered', placedAt: Date.UTC(2026, 10, 1 + i),
  items: [{ title: 'Linen shirt', quantity: 1, priceMinor: 1000 }],
}));
const read: WorkerRead = { ok: true, fileName: 'orders.csv', preset: { id: 'demo', label: 'Demo' }, platform: 'demo', encoding: 'utf-8', rowCount: 3, orders, problems: [] };

const batchResult = { orders: { added: 3, updated: 0, unchanged: 0 }, members: { created: 3, updated: 0 }, merges: [] };
const noStream = () => {
  throw new Error('no big file here');
};
const noEnd = async () => {
  throw new Error('the import was cancelled: it must not end');
};

/** Chooses a file, starts the import, cancels it while its batch is being stored; the status then shown. */
async function cancelledImport(locale: UiLocale, kept: number, tooLate?: { created: number; matched: number }): Promise<string> {
  let stored!: () => void;
  const cancels: string[] = [];
  await act(async () =>
    dom.root().render(
      <ImportSection
        t={translator(locale)}
        locale={locale}
        settings={defaultSettings()}
        counts={{ members: 0, orders: 0 }}
        readFile={async () => read}
        streamFile={noStream}
        importBatch={() => new Promise((resolve) => (stored = () => resolve(batchResult)))}
        saveMappings={async () => undefined}
        endImport={noEnd}
        cancelImport={async (session) => (cancels.push(session), { kept, tooLate })}
        onImported={() => undefined}
      />,
    ),
  );
  const input = dom.host().querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'orders.csv', { type: 'text/csv' })] });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  const buttons = () => [...dom.host().querySelectorAll('button')];
  await act(async () => buttons().find((b) => b.classList.contains('primary'))!.click());
  const cancel = buttons().find((b) => b.textContent === translator(locale)('options.import.cancel') && !b.classList.contains('primary'));
  await act(async () => {
    cancel!.click();
    stored();
  });
  expect(cancels).toHaveLength(1);
  return dom.host().querySelector('[role=status], [role=alert]')?.textContent ?? '';
}

describe('an import cancelled in the options page', () => {
  it.each([
    ['en', 2, 'Import cancelled: your master file is as it was before, except 2 buyers an agent tagged or noted during the import: kept, with what was written, without this import’s orders.'],
    ['en', 1, 'Import cancelled: your master file is as it was before, except 1 buyer an agent tagged or noted during the import: kept, with what was written, without this import’s orders.'],
    ['en', 0, 'Import cancelled: your master file is as it was before.'],
    ['zh-CN', 2, '已取消导入：会员总档保持导入前的样子，只有导入期间客服打过标签或写过备注的 2 位买家保留，连同所写内容，但不含本次导入的订单。'],
    ['zh-CN', 0, '已取消导入：会员总档保持导入前的样子。'],
    ['zh-TW', 3, '已取消匯入：會員總檔維持匯入前的樣子，只有匯入期間客服打過標籤或寫過備註的 3 位買家保留，連同所寫內容，但不含本次匯入的訂單。'],
  ] as const)('in %s, with %i buyers kept, says so', async (locale, kept, text) => {
    expect(await cancelledImport(locale, kept)).toBe(text);
  });

  // Batches ended before the cancel came (a worker the browser stopped, a restore): they stay, and the page says so.
  it.each([
    ['en', 'The import of orders.csv could not be taken back: Regulars’ background had ended it already (the browser stopped the background, or a backup was restored), and the orders it had stored are kept, each with its buyer (3 new members, 1 existing member matched).'],
    ['zh-CN', 'orders.csv 的导入无法撤回：熟客的后台已经结束了这次导入（浏览器停止了后台，或恢复了备份），已存入的订单都保留着，每笔都有对应的买家（新会员 3 位，匹配到已有会员 1 位）。'],
  ] as const)('in %s, a part a stopped worker stored is said to stay', async (locale, text) => {
    expect(await cancelledImport(locale, 0, { created: 3, matched: 1 })).toBe(text);
  });
});
