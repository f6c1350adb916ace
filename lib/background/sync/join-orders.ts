// A join's member stats from its own batches. Each batch recounts the stats of the members it touches
// from all their orders (import/member-refresh.ts membersFromOrders): one range read of the store per
// member, 10-12 s of a 100k-member join. A join into a store that held no order knows them without
// reading: while the orders' generation mark (store/generation.ts) is still the one its last batch
// left (no other writer wrote an order meanwhile), every order stored came from its own earlier
// batches. So a member none of whose orders an earlier batch brought (nor moved to it by a merge)
// has exactly this batch's orders, if any. Any other member is read back as before: the members with
// orders are kept as 30-bit hashes of their ids, and a false match only costs that read.
import { hash53 } from '../../hash';
import type { OrderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';
import { generationKey } from '../../store/generation';

export interface JoinOrders {
  /** The orders' generation mark the join's last batch left (at its start: the empty store's). */
  mark: string | undefined;
  /** Hashes of the ids of the members with orders stored: the join's earlier batches wrote or moved them. */
  members: Set<number>;
  /** Another writer wrote orders meanwhile: every member is read back for the rest of the join. */
  off: boolean;
}

/** A member's orders as stored, when they are known without reading: undefined means "read them". */
export type OwnOrders = (memberId: string) => readonly OrderRow[] | undefined;

const slot = (id: string) => hash53(id) % 0x40000000;

const ordersMark = async (db: RegularsDb) => (await db.caches.get(generationKey('orders')))?.value as string | undefined;

/** For a catch-up: the join's record of its orders when the store holds none, else undefined. */
export async function freshJoinOrders(db: RegularsDb): Promise<JoinOrders | undefined> {
  return db.transaction('r', [db.orders, db.caches], async () => {
    if ((await db.orders.limit(1).primaryKeys()).length) return undefined;
    return { mark: await ordersMark(db), members: new Set(), off: false };
  });
}

/**
 * In a batch's transaction, before it writes (the transaction covers the caches table): each member's
 * orders once `orders` (the batch's, as they will be stored) are in, where that is all of them.
 */
export async function ownOrdersOf(db: RegularsDb, join: JoinOrders | undefined, orders: readonly OrderRow[]): Promise<OwnOrders | undefined> {
  if (!join || join.off) return undefined;
  if ((await ordersMark(db)) !== join.mark) {
    join.off = true;
    return undefined;
  }
  const byMember = new Map<string, OrderRow[]>();
  for (const o of orders) {
    const list = byMember.get(o.memberId);
    if (list) list.push(o);
    else byMember.set(o.memberId, [o]);
  }
  return (memberId) => (join.members.has(slot(memberId)) ? undefined : (byMember.get(memberId)?.sort(asIndexed) ?? []));
}

/** The order a member's range read returns them in (the [memberId+placedAt] index, then the key): ties of currency go to the first. */
const asIndexed = (a: OrderRow, b: OrderRow) => a.placedAt - b.placedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The mark the batch's own writes left, read at the end of its transaction. */
export const markAfterBatch = (db: RegularsDb, join: JoinOrders | undefined) => (join && !join.off ? ordersMark(db) : undefined);

/** Once the batch committed: its orders, and the members that now have orders stored (`moved`: orders moved to them). */
export function noteBatch(join: JoinOrders | undefined, orders: readonly OrderRow[], moved: Iterable<string>, mark: string | undefined): void {
  if (!join || join.off) return;
  for (const o of orders) join.members.add(slot(o.memberId));
  for (const m of moved) join.members.add(slot(m));
  join.mark = mark;
}
