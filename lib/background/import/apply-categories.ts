// Category rules applied to the orders already stored: items get their categories, members their
// categories' last order days, and the stats and tiers that follow.
import { categoriseItems, categoryLastOrders, categoryMatcher, compactCategoryLast, type CategoryMatcher, type CategoryRule } from '../../domain/categories';
import { isCountedOrder } from '../../domain/stats';
import type { RegularsDb } from '../../store/database';
import { type MemberRow, type OrderRow } from '../../domain/rows';
import { forEachPage } from '../../store/pages';
import { writeSettings } from '../../store/settings';

export interface CategoriesApplied {
  /** Orders whose items changed category. */
  orders: number;
  /** Members whose per-category last orders changed (their lapse may have moved). */
  members: number;
  ms: number;
}

const APPLY_PAGE = 5000;

function sameRecord(a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/**
 * Saves the owner's category rules and applies them to every stored order: items the export gave
 * a category keep it, the others are categorised by the rules (a rule removed takes its category
 * away), and every member's per-category last orders follow. One transaction, read in pages of
 * primary keys so no table is held whole.
 */
export async function applyCategoryRules(db: RegularsDb, rules: readonly CategoryRule[], now: number): Promise<CategoriesApplied> {
  const started = performance.now();
  await writeSettings(db, { categoryRules: [...rules] });
  const match: CategoryMatcher = categoryMatcher(rules);
  return db.transaction('rw', [db.orders, db.members], async () => {
    const lastOf = new Map<string, Record<string, number>>();
    let changedOrders = 0;
    await forEachPage(db.orders, APPLY_PAGE, async (page) => {
      const changed: OrderRow[] = [];
      for (const o of page) {
        const items = categoriseItems(o.items, match) as OrderRow['items'];
        const order = items === o.items ? o : { ...o, items, updatedAt: now };
        if (order !== o) changed.push(order);
        if (!isCountedOrder(order)) continue;
        const last = lastOf.get(order.memberId) ?? lastOf.set(order.memberId, {}).get(order.memberId)!;
        const mine = categoryLastOrders([order])!;
        for (const [c, at] of Object.entries(mine)) if ((last[c] ?? -Infinity) < at) last[c] = at;
      }
      if (changed.length) await db.orders.bulkPut(changed);
      changedOrders += changed.length;
    });
    let changedMembers = 0;
    await forEachPage(db.members, APPLY_PAGE, async (page) => {
      const changed: MemberRow[] = [];
      for (const m of page) {
        const next = compactCategoryLast(lastOf.get(m.id));
        if (sameRecord(next, m.categoryLastAt)) continue;
        changed.push({ ...m, categoryLastAt: next, updatedAt: now });
      }
      if (changed.length) await db.members.bulkPut(changed);
      changedMembers += changed.length;
    });
    return { orders: changedOrders, members: changedMembers, ms: performance.now() - started };
  });
}
