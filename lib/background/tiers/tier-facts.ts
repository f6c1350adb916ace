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
  // Filled by index: Array.from over a typed array made an iterator result per member (some 30 MB of garbage after a 200 MB export).
  const orderCount = new Array<number>(n).fill(0);
  const spendMinor = new Array<number>(n).fill(0);
  if (window === 'lifetime') {
    for (let i = 0; i < n; i++) {
      orderCount[i] = columns.orderCount[i]!;
      spendMinor[i] = columns.spendMinor[i]!;
    }
    return { orderCount, spendMinor };
  }
  const { shopCurrency } = await readSettings(db);
  const inWindow = (await orderLedger(db).current()).windowFacts(window.days, now, shopCurrency);
  for (let i = 0; i < n; i++) {
    const f = inWindow.get(ids[i]!);
    if (!f) continue;
    orderCount[i] = f.orderCount;
    spendMinor[i] = f.spendMinor;
  }
  return { orderCount, spendMinor };
}
