// What the reports page and the tier editor read, over the page's own connection to the database
// (extension pages may open it; a message can't carry 300k orders): members whole, orders as the
// [memberId+placedAt] index gives them, so the report's one pass needs no sort.
import { categoryFigures, type CategoryFigures } from '../domain/category-figures';
import { repurchaseIntervals, type ReportMember, type ReportOrder } from '../domain/reports';
import Dexie from 'dexie';
import { touchOutcomes, type TouchOutcomes } from '../domain/outcomes';
import { type RegularsDb } from './database';
import { type Settings } from '../domain/settings';
import { readSettings } from '../store/settings';
import { pageAfter } from './pages';

export interface ReportData {
  settings: Settings;
  members: ReportMember[];
  orders: ReportOrder[];
}

export async function readReportData(db: RegularsDb): Promise<ReportData> {
  return db.transaction('r', [db.members, db.orders, db.settings], async () => {
    const [settings, members, orders] = await Promise.all([readSettings(db), db.members.toArray(), db.orders.orderBy('[memberId+placedAt]').toArray()]);
    return { settings, members, orders };
  });
}

/** Members read per page by readReportDataInPages, with their orders. */
export const REPORT_PAGE = 5000;

/** Raised by readReportDataInPages when `stop` says the rows changed under it. */
export class ReadAbandoned extends Error {}

/**
 * The same data as readReportData, read a page of members (and their orders, through the
 * [memberId+placedAt] index) at a time, each page in its own short transaction: a writer (a ladder
 * being applied, an import batch) waits for one page, never for the whole store. The pages are not
 * one snapshot: the caller learns from the change stream whether rows changed meanwhile, and `stop`
 * lets it give up at the next page (it reads again once changes pause). Without `withOrders`, the
 * members alone (orders empty).
 */
export async function readReportDataInPages(db: RegularsDb, stop: () => boolean = () => false, pageSize = REPORT_PAGE, withOrders = true): Promise<ReportData> {
  const settings = await readSettings(db);
  const members: ReportMember[] = [];
  const orders: ReportOrder[] = [];
  let after: string | undefined;
  for (;;) {
    if (stop()) throw new ReadAbandoned('Rows changed while the report was read');
    const page = await db.transaction('r', [db.members, db.orders], async () => {
      const ms = await pageAfter(db.members, after, pageSize);
      if (ms.length === 0 || !withOrders) return ms;
      const from = ms[0]!.id;
      const to = ms[ms.length - 1]!.id;
      const theirs = await db.orders.where('[memberId+placedAt]').between([from, Dexie.minKey], [to, Dexie.maxKey], true, true).toArray();
      for (const o of theirs) orders.push(o);
      return ms;
    });
    for (const m of page) members.push(m);
    if (page.length < pageSize) return { settings, members, orders };
    after = page[page.length - 1]!.id;
  }
}

/** Days between each member's orders (lib/domain/reports), for the lapse suggestion. */
export async function readRepurchaseIntervals(db: RegularsDb, timeZone: string): Promise<number[]> {
  return repurchaseIntervals(await db.orders.orderBy('[memberId+placedAt]').toArray(), timeZone);
}

/** Touches from the contact log and what followed them (lib/domain/outcomes): only the touched members' orders are read. */
export async function readTouchOutcomes(db: RegularsDb, withinDays: number): Promise<TouchOutcomes> {
  return db.transaction('r', [db.contacts, db.orders], async () => {
    const touches = await db.contacts.toArray();
    const memberIds = [...new Set(touches.map((c) => c.memberId))];
    const orders = (await Promise.all(memberIds.map((id) => db.orders.where('[memberId+placedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()))).flat();
    return touchOutcomes(touches, orders, withinDays);
  });
}

/** Buyers, repeat rate and repurchase intervals per product category (lib/domain/categories), for the thresholds editor. */
export async function readCategoryFigures(db: RegularsDb, timeZone: string): Promise<CategoryFigures[]> {
  return categoryFigures(await db.orders.orderBy('[memberId+placedAt]').toArray(), timeZone);
}
