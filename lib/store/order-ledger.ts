// The order ledger on disk (lib/domain/order-ledger.ts): its columns in the caches table, in parts of
// bounded size (kept-chunks.ts), with the orders' generation mark they were kept up to: good exactly
// while the mark is unchanged (a crash between a write and the next save leaves an older mark, and
// the ledger is read from the rows). A record of an older version is read from the rows again.
import { OrderLedger, type LedgerColumns } from '../domain/order-ledger';
import type { OrderRow } from '../domain/rows';
import type { RegularsDb } from './database';
import { generationOf } from './kept';
import { keptValue, writeChunked } from './kept-chunks';
import { pageAfter } from './pages';

export const LEDGER_KEY = 'ledger:orders';
/** Bumped when the record's shape changes: an older one is read from the rows again. */
export const LEDGER_VERSION = 3;

/** The columns with the record's version beside them, kept in parts (kept-chunks.ts). */
type LedgerRecord = LedgerColumns & { version: number };

const columnsOf = ({ version: _, ...columns }: LedgerRecord): LedgerColumns => columns;

const ordersMark = (db: RegularsDb) => generationOf(db, 'orders');

/** The kept ledger's columns when they are current (their mark is the orders' mark now), else undefined. */
export async function readKeptColumns(db: RegularsDb): Promise<LedgerColumns | undefined> {
  return db.transaction('r', [db.caches], async () => {
    const [mark, row] = await Promise.all([ordersMark(db), db.caches.get(LEDGER_KEY)]);
    if (mark === undefined || row?.generation !== mark) return undefined;
    const record = await keptValue<LedgerRecord>(db, LEDGER_KEY, row.value);
    return record?.version === LEDGER_VERSION ? columnsOf(record) : undefined;
  });
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
 * Saves the ledger, in parts, with the orders' mark of now, when `current()` (checked with each part,
 * after the mark is read) says every committed write to orders is in it. Returns whether it was saved.
 */
export async function writeKeptLedger(db: RegularsDb, ledger: OrderLedger, current: () => boolean): Promise<boolean> {
  const mark = await ordersMark(db);
  if (mark === undefined || !current()) return false;
  // The ids and member ids as pieces made while they are written (the keeper's lane holds the ledger still meanwhile).
  const record = { version: LEDGER_VERSION, ...ledger.encodeInPieces() };
  return writeChunked(db, LEDGER_KEY, mark, record, async () => (await ordersMark(db)) === mark && current());
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
