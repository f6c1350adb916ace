// What a join into an empty store knows without reading it back. Each batch reads the member rows it
// builds on (one get per member, most of them for rows that are not there yet) and recounts the
// stats of the members it touches from all their orders (import/member-refresh.ts membersFromOrders:
// one range read per member). At 100k members those were 4-5 s and 10-12 s of the join.
//
// A join into a store that held no order (no member row) knows both: while the table's generation
// mark (store/generation.ts) is still the one its last batch left (no other writer wrote to it
// meanwhile), every row in it came from the join's own earlier batches. So a member none of whose
// orders an earlier batch brought (nor a merge moved to it) has exactly this batch's orders, if any,
// and a member no earlier batch wrote has no row. Any other member is read as before: the ids are
// kept as 30-bit hashes, and a false match only costs that read. Once another writer writes to the
// table, the join reads it as before to its end.
import { hash53 } from '../../hash';
import type { MemberRow, OrderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';
import { generationOf } from '../../store/kept';

/** One table the join alone has written so far. */
interface Tracked {
  /** Its generation mark as the join's last batch left it (at the start: the empty table's). */
  mark: string | undefined;
  /** Hashes of the ids of the members with rows in it: members with orders stored, or member rows. */
  members: Set<number>;
}

export interface JoinWrites {
  orders?: Tracked | undefined;
  members?: Tracked | undefined;
}

type TrackedTable = keyof JoinWrites;
const TRACKED: readonly TrackedTable[] = ['orders', 'members'];

/** A member's orders as stored, when they are known without reading: undefined means "read them". */
export type OwnOrders = (memberId: string) => readonly OrderRow[] | undefined;

/** What a batch knows of the store without reading it, found at the start of its transaction. */
export interface BatchKnows {
  /** Each member's orders once the batch's are in, where those are all of them. */
  own: OwnOrders | undefined;
  /** The member rows of these ids as stored (a bulkGet, without the ones known to be absent). */
  members(ids: readonly string[]): Promise<(MemberRow | undefined)[]>;
}

const slot = (id: string) => hash53(id) % 0x40000000;

/** For a catch-up: what it may track, the tables of the store that hold nothing yet; undefined when neither. */
export async function freshJoin(db: RegularsDb): Promise<JoinWrites | undefined> {
  return db.transaction('r', [db.orders, db.members, db.caches], async () => {
    const join: JoinWrites = {};
    for (const t of TRACKED) if (!(await db.table(t).limit(1).primaryKeys()).length) join[t] = { mark: await generationOf(db, t), members: new Set() };
    return join.orders || join.members ? join : undefined;
  });
}

/**
 * In a batch's transaction, before it writes (the transaction covers the caches table): a table
 * another writer wrote since the join's last batch is read as before from now on. `orders`: the
 * batch's, as they will be stored.
 */
export async function batchKnows(db: RegularsDb, join: JoinWrites | undefined, orders: readonly OrderRow[]): Promise<BatchKnows> {
  for (const t of TRACKED) if (join?.[t] && (await generationOf(db, t)) !== join[t]!.mark) join[t] = undefined;
  const rows = join?.members;
  const members = async (ids: readonly string[]) => {
    if (!rows) return db.members.bulkGet([...ids]);
    const maybe = ids.filter((id) => rows.members.has(slot(id)));
    const found = maybe.length ? await db.members.bulkGet(maybe) : [];
    const byId = new Map(maybe.map((id, i) => [id, found[i]]));
    return ids.map((id) => byId.get(id));
  };
  const tracked = join?.orders;
  if (!tracked) return { own: undefined, members };
  const byMember = new Map<string, OrderRow[]>();
  for (const o of orders) {
    const list = byMember.get(o.memberId);
    if (list) list.push(o);
    else byMember.set(o.memberId, [o]);
  }
  return { own: (memberId) => (tracked.members.has(slot(memberId)) ? undefined : (byMember.get(memberId)?.sort(asIndexed) ?? [])), members };
}

/** The order a member's range read returns them in (the [memberId+placedAt] index, then the key): ties of currency go to the first. */
const asIndexed = (a: OrderRow, b: OrderRow) => a.placedAt - b.placedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The marks the batch's own writes left, read at the end of its transaction. */
export async function marksAfterBatch(db: RegularsDb, join: JoinWrites | undefined): Promise<Partial<Record<TrackedTable, string | undefined>>> {
  const marks: Partial<Record<TrackedTable, string | undefined>> = {};
  for (const t of TRACKED) if (join?.[t]) marks[t] = await generationOf(db, t);
  return marks;
}

/**
 * Once the batch committed: the members that now have orders stored (the batch's, and `moved`:
 * those a merge moved orders to), the member rows it wrote, and the marks it left.
 */
export function noteBatch(
  join: JoinWrites | undefined,
  written: { orders: readonly OrderRow[]; moved: Iterable<string>; members: Iterable<string> },
  marks: Partial<Record<TrackedTable, string | undefined>>,
): void {
  if (join?.orders) {
    for (const o of written.orders) join.orders.members.add(slot(o.memberId));
    for (const m of written.moved) join.orders.members.add(slot(m));
    join.orders.mark = marks.orders;
  }
  if (join?.members) {
    for (const m of written.members) join.members.members.add(slot(m));
    join.members.mark = marks.members;
  }
}
