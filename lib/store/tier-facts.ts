// Each member's tier facts under a ladder's window, read from the store: what the tier editor
// previews and what applying a ladder evaluates.
import { memberStats } from '../domain/stats';
import type { TierFacts } from '../domain/suggest';
import { DAY_MS } from '../domain/time';
import type { TierLadder } from '../domain/types';
import type { OrderRow } from '../domain/rows';
import type { RegularsDb } from './database';
import { decodeKept, readKeptColumns } from './order-ledger';

/**
 * Counted orders and spend per member within a rolling window: the orders placed at or after
 * `now - days`, read through the placedAt index (only the window, not the whole table). Members
 * without an order in the window are absent (they have nothing in it).
 */
export async function windowFacts(db: RegularsDb, days: number, now: number, shopCurrency: string): Promise<Map<string, TierFacts>> {
  const orders = await db.orders.where('placedAt').aboveOrEqual(now - days * DAY_MS).toArray();
  const byMember = new Map<string, OrderRow[]>();
  for (const o of orders) {
    const list = byMember.get(o.memberId);
    if (list) list.push(o);
    else byMember.set(o.memberId, [o]);
  }
  const facts = new Map<string, TierFacts>();
  // memberStats, as tierFor does: spend in the member's main currency within the window.
  for (const [id, list] of byMember) {
    const s = memberStats(list, shopCurrency);
    facts.set(id, { orderCount: s.orderCount, spendMinor: s.spendMinor });
  }
  return facts;
}

/** A member with no order in the window. */
export const NO_TIER_FACTS: TierFacts = { orderCount: 0, spendMinor: 0 };

/** Each member's tier facts under the ladder's window (lifetime: the stored stats). */
export async function tierFactsOf(db: RegularsDb, window: TierLadder['window'], now: number, shopCurrency: string): Promise<TierFacts[]> {
  const members = await db.members.toArray();
  if (window === 'lifetime') return members.map(({ orderCount, spendMinor }) => ({ orderCount, spendMinor }));
  // The order ledger the background keeps, when current; else the orders in the window.
  const kept = decodeKept(await readKeptColumns(db));
  const inWindow = kept ? kept.windowFacts(window.days, now, shopCurrency) : await windowFacts(db, window.days, now, shopCurrency);
  return members.map((m) => inWindow.get(m.id) ?? NO_TIER_FACTS);
}
