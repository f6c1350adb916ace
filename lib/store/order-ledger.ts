// The order ledger on disk (lib/domain/order-ledger.ts): one record in the caches table with the
// orders' generation mark it was kept up to: good exactly while the mark is unchanged (a crash
// between a write and the next save leaves an older mark, and the ledger is read from the rows).
import { OrderLedger, type LedgerColumns } from '../domain/order-ledger';
import type { OrderRow } from '../domain/rows';
import type { RegularsDb } from './database';
import { generationKey } from './generation';
import { pageAfter } from './pages';

export const LEDGER_KEY = 'ledger:orders';
/** Bumped when the record's shape changes: an older one is read from the rows again. */
export const LEDGER_VERSION = 1;

interface LedgerRecord {
  version: number;
  columns: LedgerColumns;
}

const ordersMark = async (db: RegularsDb) => (await db.caches.get(generationKey('orders')))?.value as string | undefined;

/** The kept ledger's columns when they are current (their mark is the orders' mark now), else undefined. */
export async function readKeptColumns(db: RegularsDb): Promise<LedgerColumns | undefined> {
  const [mark, row] = await db.transaction('r', [db.caches], () => Promise.all([ordersMark(db), db.caches.get(LEDGER_KEY)]));
  const record = row?.value as LedgerRecord | undefined;
  return mark !== undefined && row?.generation === mark && record?.version === LEDGER_VERSION ? record.columns : undefined;
}

/** The columns as a ledger; undefined (and a warning) when they no longer read. */
export function decodeKept(columns: LedgerColumns | undefined): OrderLedger | undefined {
  if (!columns) return undefined;
  try {
    return OrderLedger.decode(columns);
  } catch (e) {
    console.warn('Regulars: the kept order ledger could not be read; reading the orders instead', e);
    return undefined;
  }
}

/**
 * Saves the ledger with the orders' mark of now, when `current()` (checked inside the transaction,
 * after the mark is read) says every committed write to orders is in it. Returns whether it was saved.
 */
export async function writeKeptLedger(db: RegularsDb, ledger: OrderLedger, current: () => boolean): Promise<boolean> {
  const columns = ledger.encode();
  return db.transaction('rw', [db.caches], async () => {
    const mark = await ordersMark(db);
    if (mark === undefined || !current()) return false;
    const value: LedgerRecord = { version: LEDGER_VERSION, columns };
    await db.caches.put({ key: LEDGER_KEY, generation: mark, builtAt: Date.now(), value });
    return true;
  });
}

/** Orders read per transaction when the ledger is built from the rows: writers wait for one page at most. */
export const LEDGER_PAGE = 20_000;

/** The ledger built from every order row, a page at a time. */
export async function scanLedger(db: RegularsDb, pageSize = LEDGER_PAGE): Promise<OrderLedger> {
  const ledger = new OrderLedger();
  let after: string | undefined;
  for (;;) {
    const page: OrderRow[] = await db.transaction('r', [db.orders], () => pageAfter(db.orders, after, pageSize));
    for (const o of page) ledger.set(o.id, o);
    if (page.length < pageSize) return ledger;
    after = page[page.length - 1]!.id;
  }
}
