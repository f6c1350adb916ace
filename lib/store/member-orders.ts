// Every member's orders handed over one member at a time, never all of them at once: what a page's
// figures over every order (the lapse suggestion, the category figures) read. From the kept order
// ledger's columns when current (typed arrays, no object per order held), else from the rows a page
// at a time. Building the whole ledger instead held ~300 B per order in the options page's figures
// worker, read right after an import while the background still held that import's own memory.
import Dexie from 'dexie';
import { itemsOfKey, orderInColumns, type LedgerColumns } from '../domain/order-ledger';
import type { ReportOrder } from '../domain/reports';
import type { RegularsDb } from './database';
import { readKeptColumns } from './order-ledger';

/**
 * Orders read per transaction from the rows: writers wait for one page at most. Right after a 200 MB
 * import (before the ledger is kept) the figures worker read pages of 20,000 and its heap rose from
 * 5 to 36 MB.
 */
export const MEMBER_ORDERS_PAGE = 5000;

type Use = (orders: ReportOrder[]) => void;

/**
 * Calls `use` once per member with orders, with that member's orders by time, members in id order
 * (as the [memberId+placedAt] index gives them).
 */
export async function forEachMembersOrders(db: RegularsDb, use: Use, pageSize = MEMBER_ORDERS_PAGE): Promise<void> {
  const kept = await readKeptColumns(db);
  if (kept && columnsRead(kept)) return eachInColumns(kept, use);
  return eachInRows(db, use, pageSize);
}

/** Whether the columns hang together (a record that doesn't is read from the rows instead). */
function columnsRead(c: LedgerColumns): boolean {
  const n = c.count;
  return [c.member, c.placedAt, c.amountMinor, c.currency, c.status, c.items].every((a) => a.length === n);
}

const byTime = (a: ReportOrder, b: ReportOrder) => a.placedAt - b.placedAt;

function eachInColumns(c: LedgerColumns, use: Use): void {
  const n = c.count;
  const members = c.memberNames.length;
  // Orders by member: a counting sort of their indexes (two typed arrays, whatever the order in the record).
  const start = new Uint32Array(members + 1);
  for (let i = 0; i < n; i++) start[c.member[i]! + 1]!++;
  for (let m = 0; m < members; m++) start[m + 1]! += start[m]!;
  const next = start.slice(0, members);
  const byMember = new Uint32Array(n);
  for (let i = 0; i < n; i++) byMember[next[c.member[i]!]!++] = i;
  const items = c.itemKinds.map(itemsOfKey);
  const order = Array.from({ length: members }, (_, m) => m).sort((a, b) => (c.memberNames[a]! < c.memberNames[b]! ? -1 : 1));
  for (const m of order) {
    if (start[m] === start[m + 1]) continue;
    const memberId = c.memberNames[m]!;
    const orders: ReportOrder[] = [];
    for (let k = start[m]!; k < start[m + 1]!; k++) {
      const i = byMember[k]!;
      orders.push(orderInColumns(c, i, memberId, items));
    }
    use(orders.sort(byTime));
  }
}

/** The rows by [memberId+placedAt], a page per transaction; a member cut by a page's end is read again whole with the next. */
async function eachInRows(db: RegularsDb, use: Use, pageSize: number): Promise<void> {
  const index = () => db.orders.where('[memberId+placedAt]');
  /** The next page starts at this member (inclusive), or after it. */
  let from: { member: string; inclusive: boolean } | undefined;
  for (;;) {
    const at = from;
    const page = await db.transaction('r', [db.orders], () => {
      if (!at) return db.orders.orderBy('[memberId+placedAt]').limit(pageSize).toArray();
      return (at.inclusive ? index().aboveOrEqual([at.member, Dexie.minKey]) : index().above([at.member, Dexie.maxKey])).limit(pageSize).toArray();
    });
    const done = page.length < pageSize;
    const last = page[page.length - 1]?.memberId;
    let end = page.length;
    if (!done) while (end > 0 && page[end - 1]!.memberId === last) end--;
    if (!done && end === 0) {
      // One member fills the page: theirs read on their own.
      use(await db.transaction('r', [db.orders], () => index().between([last!, Dexie.minKey], [last!, Dexie.maxKey]).toArray()));
      from = { member: last!, inclusive: false };
      continue;
    }
    let first = 0;
    for (let i = 1; i <= end; i++) {
      if (i < end && page[i]!.memberId === page[first]!.memberId) continue;
      use(page.slice(first, i));
      first = i;
    }
    if (done) return;
    from = { member: last!, inclusive: true };
  }
}
