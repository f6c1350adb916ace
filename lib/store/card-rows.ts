// One member's rows as the panel's card shows them, read in one IndexedDB transaction with the
// browser's own requests. Through Dexie the same seven requests took about as long again as the
// requests themselves: each goes through its table, collection and middleware layers and its own
// promise zone. A read needs none of what those layers add but the member's tier, patched in here
// as the member-tiers middleware does it (member-tiers.ts).
import type { IdentityRow, MemberRow, NoteRow, OrderRow, PointsRow, ReminderRow } from '../domain/rows';
import type { RegularsDb } from './database';

export interface CardRows {
  member: MemberRow;
  /** Oldest first, as the [memberId+placedAt] index holds them. */
  orders: OrderRow[];
  /** Oldest first. */
  notes: NoteRow[];
  identities: IdentityRow[];
  reminders: ReminderRow[];
  /** Oldest first; empty unless asked for. */
  points: PointsRow[];
}

const TABLES = ['identities', 'members', 'orders', 'notes', 'reminders', 'points'];

const answer = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/** The connection's own IDBKeyRange (the browser's, or a test's fake IndexedDB's). */
const keyRangeOf = (db: RegularsDb) => (db as unknown as { _deps: { IDBKeyRange: typeof IDBKeyRange } })._deps.IDBKeyRange;

/**
 * The card's rows of the member `who` names (its id, or a handle's identity id), or null when there
 * is no such member. `points`: read the member's points log too.
 */
export async function cardRows(db: RegularsDb, who: { memberId: string } | { identityId: string }, points: boolean): Promise<CardRows | null> {
  // Opened (and the member tiers loaded, Dexie's 'ready') before its connection is used.
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction(TABLES, 'readonly');
  const memberId = 'memberId' in who ? who.memberId : (await answer<IdentityRow | undefined>(tx.objectStore('identities').get(who.identityId)))?.memberId;
  if (memberId === undefined) return null;
  const range = keyRangeOf(db).bound([memberId], [memberId, []]);
  const all = <T>(table: string, index: string, key: IDBValidKey | IDBKeyRange) => answer<T[]>(tx.objectStore(table).index(index).getAll(key));
  const [member, orders, notes, identities, reminders, pointsLog] = await Promise.all([
    answer<MemberRow | undefined>(tx.objectStore('members').get(memberId)),
    all<OrderRow>('orders', '[memberId+placedAt]', range),
    all<NoteRow>('notes', '[memberId+createdAt]', range),
    all<IdentityRow>('identities', 'memberId', memberId),
    all<ReminderRow>('reminders', 'memberId', memberId),
    points ? all<PointsRow>('points', '[memberId+at]', range) : [],
  ]);
  if (!member) return null;
  return { member: db.memberTiers.patch(member), orders, notes, identities, reminders, points: pointsLog };
}
