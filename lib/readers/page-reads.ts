// What extension pages read over their own connection to the store: bulk reads a message can't
// carry quickly (100k members, 300k orders). Read only: every write goes through the background.
// Pages import this, never lib/store (the layer rule in .dependency-cruiser.cjs).
import type { TouchOutcomes } from '../domain/outcomes';
import type { IdentityRow, MemberRow } from '../domain/rows';
import type { Settings } from '../domain/settings';
import { frequencyCapHours, recentlyContacted } from '../store/contacts';
import { RegularsDb } from '../store/database';
import { readTouchOutcomes } from '../store/report-data';
import { readSnapshotState, type ReportSnapshot } from '../store/report-snapshot';

export type { ReportSnapshot };

let pageDb: RegularsDb | undefined;

/**
 * Runs a task over this page's one connection, opened on first use and kept while the page lives:
 * opening one per read cost each read an open (and, while the background wrote, a wait for it). A
 * kept connection does not hold up a schema upgrade: Dexie closes it when another context asks to
 * upgrade, and opens it again on the next read. `open`: a connection of the caller's (tests), used
 * for this task alone and closed after.
 */
export async function withPageDb<T>(task: (db: RegularsDb) => Promise<T>, open?: () => RegularsDb): Promise<T> {
  if (!open) return task((pageDb ??= new RegularsDb()));
  const db = open();
  try {
    return await task(db);
  } finally {
    db.close();
  }
}

/** The report snapshot the background keeps, and whether it is current. */
export const reportSnapshotState = (now: number): Promise<{ settings: Settings; snapshot: ReportSnapshot | undefined; fresh: boolean }> =>
  withPageDb((db) => readSnapshotState(db, now));

/** Touches from the contact log and the orders that followed within `withinDays`. */
export const touchOutcomesWithin = (withinDays: number): Promise<TouchOutcomes> => withPageDb((db) => readTouchOutcomes(db, withinDays));

export const membersOf = (memberIds: readonly string[]): Promise<MemberRow[]> =>
  withPageDb(async (db) => (await db.members.bulkGet([...memberIds])).filter((m) => m !== undefined));

export const identitiesOf = (memberIds: readonly string[]): Promise<IdentityRow[]> =>
  withPageDb((db) => db.identities.where('memberId').anyOf([...memberIds]).toArray());

/** Members contacted within the frequency cap, and the cap. */
export const contactedWithinCap = (now: number): Promise<{ memberIds: Set<string>; capHours: number }> =>
  withPageDb(async (db) => {
    const capHours = await frequencyCapHours(db);
    return { memberIds: await recentlyContacted(db, capHours, now), capHours };
  });
