// Tests of re-imports: one small file of two batches, sent as the options page sends them, and a
// count of how often a batch's text was parsed.
import { vi } from 'vitest';
import { type importCapability } from './handlers';
import { order } from '../test-helpers';

const page = {};

/** The two batches of one file; `prefix` makes its order numbers (`${prefix}1` … `${prefix}3`). */
export function twoBatches(prefix: string) {
  const firstBatch = () =>
    JSON.stringify([
      order({ orderNo: `${prefix}1`, buyer: { handle: 'ana', email: 'ana@example.com' }, items: [{ title: 'Oolong tea', quantity: 1, priceMinor: 1000 }] }),
      order({ orderNo: `${prefix}2`, buyer: { handle: 'bo' }, status: 'shipped' }),
    ]);
  const secondBatch = () => JSON.stringify([order({ orderNo: `${prefix}3`, buyer: { handle: 'ana' }, amountMinor: 2500 })]);
  /** One file of two batches, sent as the options page sends them (JSON), in one session. */
  const importFile = async (imports: ReturnType<typeof importCapability>, session: string, batches = [firstBatch(), secondBatch()]) => {
    const total = { added: 0, updated: 0, unchanged: 0 };
    for (const rowsJson of batches) {
      const { orders } = await imports.handlers['orders.import']({ rowsJson, session }, page);
      total.added += orders.added;
      total.updated += orders.updated;
      total.unchanged += orders.unchanged;
    }
    await imports.handlers['orders.importEnd']({ session }, page);
    return total;
  };
  return { firstBatch, secondBatch, importFile };
}

/** How often a batch's text was parsed while `run` ran. */
export async function parsesOf(batches: string[], run: () => Promise<unknown>) {
  const parse = vi.spyOn(JSON, 'parse');
  try {
    await run();
    return parse.mock.calls.filter(([text]) => batches.includes(text as string)).length;
  } finally {
    parse.mockRestore();
  }
}
