// Every member's tier facts under a window, for the tier editor's preview: from what the background
// keeps (the member facts, and the order ledger for a rolling window), never from the rows. Read by
// the options page from the store instead, right after an import (before the kept facts were saved)
// that page read every member row while the background still held the import's own memory.
import type { TierLadder } from '../../domain/types';
import type { RegularsDb } from '../../store/database';
import { readSettings } from '../../store/settings';
import { orderLedger } from '../reports/order-ledger';
import { memberColumns } from '../segments/member-snapshot';

/** Counted orders and spend per member, as two columns in the member facts' order (a message carries them as plain arrays). */
export interface TierFactsColumns {
  orderCount: number[];
  spendMinor: number[];
}

export async function tierFactsColumns(db: RegularsDb, window: TierLadder['window'], now: number): Promise<TierFactsColumns> {
  const { columns, ids } = await memberColumns(db);
  const n = columns.count;
  if (window === 'lifetime') return { orderCount: Array.from(columns.orderCount.subarray(0, n)), spendMinor: Array.from(columns.spendMinor.subarray(0, n)) };
  const { shopCurrency } = await readSettings(db);
  const inWindow = (await orderLedger(db).current()).windowFacts(window.days, now, shopCurrency);
  const orderCount = new Array<number>(n).fill(0);
  const spendMinor = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const f = inWindow.get(ids[i]!);
    if (f) [orderCount[i], spendMinor[i]] = [f.orderCount, f.spendMinor];
  }
  return { orderCount, spendMinor };
}
