// The order ledger: what the reports and rolling tier windows read of every order (member, time,
// amount, currency, status, categories), kept in memory by the background from the change stream
// and on disk as one columnar record (lib/store/order-ledger.ts). Reading it replaces reading 300k
// order rows: the report's order figures and a rolling window's spend are one pass over it. In
// memory it is columns too (typed arrays, strings as indexes into dictionaries): an object per
// order (~250 B with its maps) held a 200 MB export's 673k orders in ~170 MB of the background's
// heap; as columns an order is ~30 B beside its id and its slot in the id map. Pure.
import type { MemberOrder, ReportOrder } from './reports';
import { memberStats } from './stats';
import type { TierFacts } from './suggest';
import { DAY_MS } from './time';
import type { OrderStatus } from './types';
import { StringSlots } from './string-slots';
import { TextPool } from './text-pool';
import { TextDictionary } from './text-dictionary';
import { WordList } from './word-list';
import { joinedPicksInPieces, splitJoined, wholeText, type TextInPieces } from './joined-pieces';
import { itemsKey, itemsOfKey, sortRange } from './ledger-helpers';

/** An order as the ledger hands it over: its id and what the report reads. */
export type LedgerOrder = ReportOrder & { id: string };

const SEP = '\u0000';

/** The ledger as stored: strings as indexes into dictionaries, numbers as typed arrays. */
export interface LedgerColumns {
  count: number;
  /** Order ids joined by NUL. */
  ids: string;
  /** The member ids the orders name, joined by NUL (as one text they are saved without a string each). */
  memberNames: string;
  memberCount: number;
  member: Uint32Array;
  placedAt: Float64Array;
  amountMinor: Float64Array;
  currencyNames: string[];
  currency: Uint16Array;
  statusNames: string[];
  status: Uint16Array;
  /** Index into itemKinds: each kind the distinct categories of an order's items (JSON), 'null' without items. */
  itemKinds: string[];
  items: Uint32Array;
}

/** A slot with no order in it (removed, free for the next one). */
const FREE = 0xffffffff;

const grown = <T extends Uint16Array | Uint32Array | Float64Array>(a: T, length: number): T => {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
};

export class OrderLedger {
  /** Slot → order id ('' when free), as bytes outside the JS heap (text-pool.ts: some 20 B an order where a string took 32 B). */
  private ids = new TextPool();
  /** Order id → its slot in the columns (string-slots.ts: 8 B a slot where a Map took some 40 B an order). */
  private slotOf = new StringSlots(this.ids);
  /** Slots in use or freed so far (the columns may be longer). */
  private slots = 0;
  private readonly free: number[] = [];
  private member: Uint32Array = new Uint32Array(0);
  private placedAt: Float64Array = new Float64Array(0);
  private amountMinor: Float64Array = new Float64Array(0);
  private currency: Uint16Array = new Uint16Array(0);
  private status: Uint16Array = new Uint16Array(0);
  private items: Uint32Array = new Uint32Array(0);
  /** Member ids (273k for a 200 MB export), as bytes outside the JS heap. */
  private members = new TextDictionary();
  private currencies = new WordList();
  private statuses = new WordList();
  private kinds = new WordList();

  get size(): number {
    return this.slotOf.size;
  }

  private newSlot(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.slots === this.member.length) {
      const length = Math.max(1024, Math.ceil(this.slots * 1.5));
      this.member = grown(this.member, length);
      this.placedAt = grown(this.placedAt, length);
      this.amountMinor = grown(this.amountMinor, length);
      this.currency = grown(this.currency, length);
      this.status = grown(this.status, length);
      this.items = grown(this.items, length);
    }
    return this.slots++;
  }

  /** Records an order as it now is (a put), or its removal (undefined). */
  set(id: string, order: ReportOrder | undefined): void {
    let i = this.slotOf.get(id);
    if (!order) {
      if (i === undefined) return;
      this.slotOf.delete(id); // while `ids` still names it there
      this.member[i] = FREE;
      this.ids.clear(i);
      this.free.push(i);
      return;
    }
    if (i === undefined) {
      i = this.newSlot();
      this.ids.set(i, id);
      this.slotOf.set(id, i);
    }
    this.member[i] = this.members.index(order.memberId);
    this.placedAt[i] = order.placedAt;
    this.amountMinor[i] = order.amountMinor;
    this.currency[i] = this.currencies.index(order.currency);
    this.status[i] = this.statuses.index(order.status);
    this.items[i] = this.kinds.index(itemsKey(order.items));
  }

  /**
   * Calls `use` once per member with orders (passing `keep`, when given), with that member's index
   * (in the ledger's member ids), orders by time then id (ties in time on the ids' bytes) and their slots, members in
   * no set order. The orders are a few objects refilled for each member, in arrays refilled too:
   * copy what you keep. A walk over a 200 MB export's 673k orders made an object for each (and the
   * member's id for each member): some 150 MB of garbage at the moment an import's keepers run.
   */
  forEachMember(use: (orders: readonly MemberOrder[], member: number, slots: readonly number[]) => void, keep: (slot: number) => boolean = () => true): void {
    const count = this.members.size;
    // The slots by member: a counting sort (two typed arrays).
    const start = new Uint32Array(count + 1);
    for (let i = 0; i < this.slots; i++) if (this.member[i] !== FREE && keep(i)) start[this.member[i]! + 1]!++;
    for (let m = 0; m < count; m++) start[m + 1]! += start[m]!;
    const next = start.slice(0, count);
    const bySlot = new Uint32Array(start[count]!);
    for (let i = 0; i < this.slots; i++) if (this.member[i] !== FREE && keep(i)) bySlot[next[this.member[i]!]!++] = i;
    const items = this.kinds.names.map(itemsOfKey);
    const currencies = this.currencies.names;
    const statuses = this.statuses.names as OrderStatus[];
    const placedAt = this.placedAt;
    // -1, 0 or 1: a difference of two times is a double, a new heap number each time it is returned.
    const byTimeThenId = (a: number, b: number) => (placedAt[a]! < placedAt[b]! ? -1 : placedAt[a]! > placedAt[b]! ? 1 : this.ids.compare(a, b));
    const pool: MemberOrder[] = [];
    const orders: MemberOrder[] = [];
    const slots: number[] = [];
    for (let m = 0; m < count; m++) {
      const from = start[m]!;
      const n = start[m + 1]! - from;
      if (!n) continue;
      sortRange(bySlot, from, n, byTimeThenId);
      orders.length = slots.length = n;
      for (let k = 0; k < n; k++) {
        const i = bySlot[from + k]!;
        const o = (pool[k] ??= { placedAt: 0, amountMinor: 0, currency: '', status: 'paid', items: undefined });
        o.placedAt = placedAt[i]!;
        o.amountMinor = this.amountMinor[i]!;
        o.currency = currencies[this.currency[i]!]!;
        o.status = statuses[this.status[i]!]!;
        o.items = items[this.items[i]!];
        orders[k] = o;
        slots[k] = i;
      }
      use(orders, m, slots);
    }
  }

  /** Whether an order held has an item with a category (the report's category figures are drawn then). */
  categorised(): boolean {
    const withCategory = this.kinds.names.map((key) => !!itemsOfKey(key)?.some((i) => i.category));
    if (!withCategory.includes(true)) return false;
    for (let i = 0; i < this.slots; i++) if (this.member[i] !== FREE && withCategory[this.items[i]!]) return true;
    return false;
  }

  /** Every order with its id, grouped by member and by time (then id) within each (tests; the report walks forEachMember). */
  orders(): LedgerOrder[] {
    const out: LedgerOrder[] = [];
    this.forEachMember((orders, m, slots) => {
      const memberId = this.members.name(m);
      orders.forEach((o, k) => out.push({ id: this.ids.get(slots[k]!), memberId, ...o }));
    });
    return out;
  }

  /**
   * Counted orders and spend per member within a rolling window (placed at or after `now - days`),
   * as memberStats computes them from a member's rows; members without an order in the window are absent.
   */
  windowFacts(days: number, now: number, shopCurrency: string): Map<string, TierFacts> {
    const from = now - days * DAY_MS;
    const facts = new Map<string, TierFacts>();
    this.forEachMember(
      (orders, m) => {
        const s = memberStats(orders, shopCurrency);
        facts.set(this.members.name(m), { orderCount: s.orderCount, spendMinor: s.spendMinor });
      },
      (i) => this.placedAt[i]! >= from,
    );
    return facts;
  }

  /** The columns as kept: the orders held, in slot order, the dictionaries without what no order names. */
  encode(): LedgerColumns {
    const { ids, memberNames, ...columns } = this.encodeInPieces();
    return { ...columns, ids: wholeText(ids), memberNames: wholeText(memberNames) };
  }

  /**
   * The same columns, but the ids (NUL-joined, some 10 MB of text for 683k orders) and the member ids
   * (273k) as their text's pieces of at most `maxChars`, made as they are asked for from the bytes
   * held: a save writes a part at a time, and never holds the whole text, nor a string for every id,
   * at the moment an import's end has the background at its fullest. Read the pieces before the
   * ledger changes.
   */
  encodeInPieces(): Omit<LedgerColumns, 'ids' | 'memberNames'> & { ids: TextInPieces; memberNames: TextInPieces } {
    const n = this.size;
    const used = new Uint8Array(this.members.size);
    for (let i = 0; i < this.slots; i++) if (this.member[i] !== FREE) used[this.member[i]!] = 1;
    // Member indexes as kept: the dictionary's order, the members without an order left out.
    const kept = new Uint32Array(used.length);
    const renumbered = new Uint32Array(used.length);
    let memberCount = 0;
    for (let m = 0; m < used.length; m++) {
      if (!used[m]) continue;
      kept[memberCount] = m;
      renumbered[m] = memberCount++;
    }
    const c = {
      count: n,
      memberCount,
      member: new Uint32Array(n),
      placedAt: new Float64Array(n),
      amountMinor: new Float64Array(n),
      currencyNames: [...this.currencies.names],
      currency: new Uint16Array(n),
      statusNames: [...this.statuses.names],
      status: new Uint16Array(n),
      itemKinds: [...this.kinds.names],
      items: new Uint32Array(n),
    };
    const slots = new Uint32Array(n);
    let k = 0;
    for (let i = 0; i < this.slots; i++) {
      if (this.member[i] === FREE) continue;
      slots[k] = i;
      c.member[k] = renumbered[this.member[i]!]!;
      c.placedAt[k] = this.placedAt[i]!;
      c.amountMinor[k] = this.amountMinor[i]!;
      c.currency[k] = this.currency[i]!;
      c.status[k] = this.status[i]!;
      c.items[k] = this.items[i]!;
      k++;
    }
    return { ...c, ids: joinedPicksInPieces(this.ids, slots, n, SEP), memberNames: joinedPicksInPieces(this.members, kept, memberCount, SEP) };
  }

  /** The ledger of kept columns: their arrays are taken as they are (the caller gives them up). */
  static decode(c: LedgerColumns): OrderLedger {
    const ids = splitJoined(c.ids, c.count, SEP);
    if (ids.length !== c.count) throw new Error(`The order ledger holds ${ids.length} ids for ${c.count} orders`);
    const memberNames = splitJoined(c.memberNames, c.memberCount, SEP);
    if (memberNames.length !== c.memberCount) throw new Error(`The order ledger holds ${memberNames.length} member ids for ${c.memberCount} members`);
    const columns = [c.member, c.placedAt, c.amountMinor, c.currency, c.status, c.items];
    if (columns.some((a) => a.length !== c.count)) throw new Error('The order ledger has columns of different lengths');
    for (let i = 0; i < c.count; i++) {
      const named = c.member[i]! < memberNames.length && c.currency[i]! < c.currencyNames.length;
      if (!named || c.status[i]! >= c.statusNames.length || c.items[i]! >= c.itemKinds.length) {
        throw new Error(`The order ledger's order ${i} names no entry of its dictionaries`);
      }
    }
    const ledger = new OrderLedger();
    ledger.slotOf = new StringSlots(ledger.ids, c.count);
    ids.forEach((id, i) => {
      ledger.ids.set(i, id);
      ledger.slotOf.set(id, i);
    });
    if (ledger.slotOf.size !== c.count) throw new Error('The order ledger holds an order id twice');
    ledger.slots = c.count;
    ledger.member = c.member;
    ledger.placedAt = c.placedAt;
    ledger.amountMinor = c.amountMinor;
    ledger.currency = c.currency;
    ledger.status = c.status;
    ledger.items = c.items;
    ledger.members = new TextDictionary(memberNames);
    ledger.currencies = new WordList(c.currencyNames);
    ledger.statuses = new WordList(c.statusNames);
    ledger.kinds = new WordList(c.itemKinds);
    return ledger;
  }
}
