// Random sequences of the writes a shop sees, for tests that derived data kept from the change
// stream (the order ledger, the member facts) equals the same data computed from the rows.
import type { ValidBackup } from '../domain/backup';
import { DEFAULT_TIER_LADDER } from '../domain/tiers';
import type { OrderStatus } from '../domain/types';
import { backupFile, restoreBackup } from '../store/backup';
import { readBackup } from '../store/backup-read';
import type { RegularsDb } from '../store/database';
import { importOrders } from './import/import-orders';
import { deleteOrders } from './import/member-refresh';
import { addTag, removeTag } from './members/card';
import { updateMember } from './members/members';
import { mergeMembers, unmergeIdentity } from './members/merge';
import { DAY, NOW, order } from './test-helpers';
import { applyTierLadder } from './tiers/tiers';

/** A small deterministic generator: the same seed, the same sequence of writes. */
export function random(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
export type Random = ReturnType<typeof random>;

const STATUSES: OrderStatus[] = ['delivered', 'paid', 'cancelled', 'unpaid', 'refunded', 'shipped'];
const HANDLES = ['ann', 'bo', 'chen', 'dee', 'eli', 'fay', 'gus'];
const CATEGORIES = [undefined, 'Tea', 'Teaware'];

const ORDER_WRITES = ['import', 'import', 'reimport', 'delete', 'merge', 'unmerge', 'status', 'restore'] as const;
/** Writes to members alone: tags, profile and contact choices, points, a ladder applied. */
export const MEMBER_WRITES = ['tag', 'untag', 'profile', 'ladder'] as const;
type Write = (typeof ORDER_WRITES)[number] | (typeof MEMBER_WRITES)[number];

/** One random write of the kinds the shop sees: imports (new and changed orders), deletes, merges, separations, restores; `extra` adds other kinds. */
export async function randomWrite(db: RegularsDb, r: Random, step: number, extra: readonly Write[] = []) {
  const orders = await db.orders.toArray();
  const members = await db.members.toArray();
  const kind = r.pick([...ORDER_WRITES, ...extra]);
  const fresh = () =>
    order({
      orderNo: `s${step}-${Math.floor(r.next() * 1e6)}`,
      buyer: { handle: r.pick(HANDLES) },
      amountMinor: 100 + Math.floor(r.next() * 50_000),
      currency: r.next() < 0.8 ? 'USD' : 'EUR',
      status: r.pick(STATUSES),
      // Some on the same day as others, some years back, some inside the last month.
      placedAt: NOW - Math.floor(r.next() * 800) * DAY - (r.next() < 0.3 ? 0 : Math.floor(r.next() * DAY)),
      items: [{ title: 'Thing', quantity: 1, category: r.pick(CATEGORIES), categorySource: 'export' }],
    });
  if (kind === 'import' || !orders.length) return importOrders(db, Array.from({ length: 1 + Math.floor(r.next() * 6) }, fresh), NOW);
  const some = r.pick(orders);
  const someone = r.pick(members);
  if (kind === 'reimport') {
    // The same order again, its status and amount changed.
    const { orderNo, buyer, amountMinor, placedAt } = some;
    const again = order({ orderNo, buyer: { handle: buyer }, status: r.pick(STATUSES), amountMinor: amountMinor + 100, placedAt });
    return importOrders(db, [again], NOW);
  }
  if (kind === 'delete') return deleteOrders(db, [some.id, r.pick(orders).id], NOW);
  if (kind === 'status') return db.orders.put({ ...some, status: r.pick(STATUSES), currency: r.pick(['USD', 'EUR']) });
  if (kind === 'merge' && members.length >= 2) {
    const [a, b] = [r.pick(members), r.pick(members)];
    if (a.id !== b.id) return mergeMembers(db, a.id, b.id, NOW);
  }
  if (kind === 'unmerge') {
    const shared = (await db.identities.toArray()).filter((i, _, all) => all.some((j) => j.memberId === i.memberId && j.id !== i.id));
    if (shared.length) return unmergeIdentity(db, r.pick(shared).id, NOW);
  }
  if (kind === 'restore') {
    const read = await readBackup((await backupFile(db, NOW)).blob);
    return restoreBackup(db, read as ValidBackup);
  }
  if (kind === 'tag') return addTag(db, someone.id, r.pick(['gift', 'VIP', 'wholesale']), NOW);
  if (kind === 'untag' && someone.tags.length) return removeTag(db, someone.id, r.pick(someone.tags), NOW);
  if (kind === 'profile') return updateMember(db, someone.id, { doNotContact: r.next() < 0.5, profile: { birthday: r.pick(['02-29', '12-01', undefined]) } }, NOW);
  if (kind === 'ladder') {
    const silver = 1000 + Math.floor(r.next() * 40_000);
    const ladder = { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'silver' ? { ...s, minSpendMinor: silver } : s)) };
    return applyTierLadder(db, ladder, NOW);
  }
  return importOrders(db, [fresh()], NOW);
}
