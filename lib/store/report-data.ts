// What the reports page and the tier editor read, over the page's own connection to the database
// (extension pages may open it; a message can't carry 300k orders): members whole, orders as the
// [memberId+placedAt] index gives them, so the report's one pass needs no sort.
import type { ReportMember, ReportOrder } from '../domain/reports';
import Dexie from 'dexie';
import { touchOutcomes, type TouchOutcomes } from '../domain/outcomes';
import { type RegularsDb } from './database';
import { type Settings } from '../domain/settings';
import { readSettings } from '../store/settings';

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

/** Raised when rows changed while the report's figures were gathered (the keeper computes them again). */
export class ReadAbandoned extends Error {}

/** Touches from the contact log and what followed them (lib/domain/outcomes): only the touched members' orders are read. */
export async function readTouchOutcomes(db: RegularsDb, withinDays: number): Promise<TouchOutcomes> {
  return db.transaction('r', [db.contacts, db.orders], async () => {
    const touches = await db.contacts.toArray();
    const memberIds = [...new Set(touches.map((c) => c.memberId))];
    const orders = (await Promise.all(memberIds.map((id) => db.orders.where('[memberId+placedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()))).flat();
    return touchOutcomes(touches, orders, withinDays);
  });
}
