// Each member's tier facts under a ladder's window, read from the store: what the tier editor
// previews and what applying a ladder evaluates.
import { memberStats } from '../domain/stats';
import type { TierFacts } from '../domain/suggest';
import { DAY_MS } from '../domain/time';
import type { TierLadder } from '../domain/types';
import type { OrderRow } from '../domain/rows';
import type { RegularsDb } from './database';
import { memberIds, type MemberColumns } from '../domain/member-columns';
import { KEPT_FACTS, keptIfCurrent } from './kept';
import { decodeKept, readKeptColumns } from './order-ledger';
import { forEachPage } from './pages';

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

/** Member rows read per page when the kept facts are not current. */
const MEMBERS_PAGE = 5000;

/**
 * Every member's id, counted orders and spend: from the member facts the background keeps on disk
 * when they are current (typed arrays, read in milliseconds), else from the member rows.
 */
async function memberTotals(db: RegularsDb, pageSize: number, withIds: boolean): Promise<{ ids: () => string[]; facts: TierFacts[] }> {
  const kept = await keptIfCurrent<MemberColumns>(db, KEPT_FACTS.members, ['members']);
  if (kept) {
    try {
      const ids = memberIds(kept);
      return { ids: () => ids, facts: Array.from({ length: kept.count }, (_, i) => ({ orderCount: kept.orderCount[i]!, spendMinor: kept.spendMinor[i]! })) };
    } catch (e) {
      console.warn('Regulars: the kept member facts could not be read; reading the members instead', e);
    }
  }
  // A page at a time, keeping only what is asked: right after an import (before the keepers save) the
  // whole table read at once held every member row in the options page beside the import's own memory.
  const ids: string[] = [];
  const facts: TierFacts[] = [];
  await db.transaction('r', [db.members], () =>
    forEachPage(db.members, pageSize, (page) => {
      for (const { id, orderCount, spendMinor } of page) {
        if (withIds) ids.push(id);
        facts.push({ orderCount, spendMinor });
      }
    }),
  );
  return { ids: () => ids, facts };
}

/** Each member's tier facts under the ladder's window (lifetime: the stored stats). */
export async function tierFactsOf(
  db: RegularsDb,
  window: TierLadder['window'],
  now: number,
  shopCurrency: string,
  membersPage = MEMBERS_PAGE,
): Promise<TierFacts[]> {
  // The lifetime window needs no ids (273k strings after a 200 MB import, read in the options page).
  const totals = await memberTotals(db, membersPage, window !== 'lifetime');
  if (window === 'lifetime') return totals.facts;
  // The order ledger the background keeps, when current; else the orders in the window.
  const kept = decodeKept(await readKeptColumns(db));
  const inWindow = kept ? kept.windowFacts(window.days, now, shopCurrency) : await windowFacts(db, window.days, now, shopCurrency);
  return totals.ids().map((id) => inWindow.get(id) ?? NO_TIER_FACTS);
}
