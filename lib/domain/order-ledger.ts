// The order ledger: what the reports and rolling tier windows read of every order (member, time,
// amount, currency, status, categories), kept in memory by the background from the change stream
// and on disk as one columnar record (lib/store/order-ledger.ts). Reading it replaces reading 300k
// order rows: the report's order figures and a rolling window's spend are one pass over it. Pure.
import type { ReportOrder } from './reports';
import { memberStats } from './stats';
import type { TierFacts } from './suggest';
import { DAY_MS } from './time';
import type { OrderStatus } from './types';

/** An order as the ledger holds it: its id and what the report reads. */
export type LedgerOrder = ReportOrder & { id: string };

const SEP = '\u0000';

/** The ledger as stored: strings as indexes into dictionaries, numbers as typed arrays. */
export interface LedgerColumns {
  count: number;
  /** Order ids joined by NUL. */
  ids: string;
  memberNames: string[];
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

/** Only what the report reads of an order's items: its distinct categories ('' for an item without one). */
function itemsKey(items: ReportOrder['items']): string {
  if (!items) return 'null';
  return JSON.stringify([...new Set(items.map((i) => i.category ?? ''))]);
}
// Orders share the few kinds of items a shop has: one array per kind, never changed.
const kinds = new Map<string, ReportOrder['items']>();
export function itemsOfKey(key: string): ReportOrder['items'] {
  if (kinds.has(key)) return kinds.get(key);
  const items = (JSON.parse(key) as string[] | null)?.map((c) => (c ? { category: c } : {}));
  if (kinds.size < 10_000) kinds.set(key, items);
  return items;
}

/** Order `i` of the kept columns, as the report reads it; `items` is `c.itemKinds` decoded (itemsOfKey). */
export function orderInColumns(c: LedgerColumns, i: number, memberId: string, items: readonly ReportOrder['items'][]): ReportOrder {
  return {
    memberId,
    placedAt: c.placedAt[i]!,
    amountMinor: c.amountMinor[i]!,
    currency: c.currencyNames[c.currency[i]!]!,
    status: c.statusNames[c.status[i]!] as OrderStatus,
    items: items[c.items[i]!],
  };
}

function dictionary() {
  const names: string[] = [];
  const at = new Map<string, number>();
  return { names, index: (s: string) => at.get(s) ?? (at.set(s, names.length), names.push(s) - 1) };
}

const byTimeThenId = (a: LedgerOrder, b: LedgerOrder) => a.placedAt - b.placedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class OrderLedger {
  private readonly owner = new Map<string, string>();
  private readonly byMember = new Map<string, Map<string, LedgerOrder>>();

  get size(): number {
    return this.owner.size;
  }

  /** orders() until the next set(). */
  private ordered: LedgerOrder[] | undefined;

  /** Records an order as it now is (a put), or its removal (undefined). */
  set(id: string, order: ReportOrder | undefined): void {
    this.ordered = undefined;
    const was = this.owner.get(id);
    if (was !== undefined && was !== order?.memberId) {
      const theirs = this.byMember.get(was)!;
      theirs.delete(id);
      if (theirs.size === 0) this.byMember.delete(was);
      this.owner.delete(id);
    }
    if (!order) return;
    const { memberId, placedAt, amountMinor, currency, status, items } = order;
    let theirs = this.byMember.get(memberId);
    if (!theirs) this.byMember.set(memberId, (theirs = new Map()));
    theirs.set(id, { id, memberId, placedAt, amountMinor, currency, status, items: itemsOfKey(itemsKey(items)) });
    this.owner.set(id, memberId);
  }

  /**
   * Every order, grouped by member and by time (then id) within each, the members in no set order
   * (what the report's order figures read: orderReportPart). Sorting the members' ids too took
   * longer than the figures. Shared until the next set(): never change it.
   */
  orders(): readonly LedgerOrder[] {
    if (this.ordered) return this.ordered;
    const out: LedgerOrder[] = [];
    for (const theirs of this.byMember.values()) {
      if (theirs.size === 1) for (const o of theirs.values()) out.push(o);
      else for (const o of [...theirs.values()].sort(byTimeThenId)) out.push(o);
    }
    return (this.ordered = out);
  }

  /**
   * Counted orders and spend per member within a rolling window (placed at or after `now - days`),
   * as tier-facts.ts computes them from the rows; members without an order in the window are absent.
   */
  windowFacts(days: number, now: number, shopCurrency: string): Map<string, TierFacts> {
    const from = now - days * DAY_MS;
    const facts = new Map<string, TierFacts>();
    for (const [memberId, theirs] of this.byMember) {
      const inWindow = [...theirs.values()].filter((o) => o.placedAt >= from);
      if (!inWindow.length) continue;
      const s = memberStats(inWindow.sort(byTimeThenId), shopCurrency);
      facts.set(memberId, { orderCount: s.orderCount, spendMinor: s.spendMinor });
    }
    return facts;
  }

  encode(): LedgerColumns {
    const n = this.owner.size;
    const members = dictionary();
    const currencies = dictionary();
    const statuses = dictionary();
    const kinds = dictionary();
    const c: LedgerColumns = {
      count: n,
      ids: '',
      memberNames: members.names,
      member: new Uint32Array(n),
      placedAt: new Float64Array(n),
      amountMinor: new Float64Array(n),
      currencyNames: currencies.names,
      currency: new Uint16Array(n),
      statusNames: statuses.names,
      status: new Uint16Array(n),
      itemKinds: kinds.names,
      items: new Uint32Array(n),
    };
    const ids: string[] = [];
    let i = 0;
    for (const theirs of this.byMember.values()) {
      for (const o of theirs.values()) {
        ids.push(o.id);
        c.member[i] = members.index(o.memberId);
        c.placedAt[i] = o.placedAt;
        c.amountMinor[i] = o.amountMinor;
        c.currency[i] = currencies.index(o.currency);
        c.status[i] = statuses.index(o.status);
        c.items[i] = kinds.index(itemsKey(o.items));
        i++;
      }
    }
    c.ids = ids.join(SEP);
    return c;
  }

  static decode(c: LedgerColumns): OrderLedger {
    const ledger = new OrderLedger();
    const ids = c.count ? c.ids.split(SEP) : [];
    if (ids.length !== c.count) throw new Error(`The order ledger holds ${ids.length} ids for ${c.count} orders`);
    const items = c.itemKinds.map(itemsOfKey);
    for (let i = 0; i < c.count; i++) {
      const memberId = c.memberNames[c.member[i]!]!;
      const id = ids[i]!;
      let theirs = ledger.byMember.get(memberId);
      if (!theirs) ledger.byMember.set(memberId, (theirs = new Map()));
      theirs.set(id, { id, ...orderInColumns(c, i, memberId, items) });
      ledger.owner.set(id, memberId);
    }
    return ledger;
  }
}
