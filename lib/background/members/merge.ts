// Merging and un-merging are explicit and reversible: one person, several identities.
import { normaliseEmail, normaliseHandle, normalisePhone } from '../../import/identity';
import { newId, type RegularsDb } from '../../store/database';
import { recomputeMembers } from '../import/member-refresh';
import { emptyMember } from './members';
import { TIER_MOVES_MEMBER, type IdentityRow, type MemberRow, type OrderRow, type TierMovesRow } from '../../domain/rows';
import { isTierMoves, movesRenamed } from '../../domain/tier-moves';
import { readSettings } from '../../store/settings';
import { StoreError } from '../../store/store-error';
import { because } from '../../domain/reason';

/** Does this order belong to this identity (its handle, e-mail or phone on the order)? */
function orderOf(identity: IdentityRow, order: OrderRow): boolean {
  if (identity.kind === 'handle') return order.platform === identity.platform && normaliseHandle(order.buyer) === identity.value;
  if (identity.kind === 'email') return normaliseEmail(order.buyer) === identity.value;
  return normalisePhone(order.buyer) === identity.value;
}

/**
 * Takes one identity (and the orders placed under it) out of its member into a member of its own:
 * the undo of an automatic merge by phone or e-mail, or of a manual link.
 */
export async function unmergeIdentity(db: RegularsDb, identityId: string, now: number): Promise<{ memberId: string; orders: number }> {
  const settings = await readSettings(db);
  const result = await db.transaction('rw', [db.members, db.identities, db.orders, db.tierChanges], async () => {
    const identity = await db.identities.get(identityId);
    if (!identity) throw new StoreError('not_found', `No identity ${identityId}`);
    const siblings = await db.identities.where('memberId').equals(identity.memberId).count();
    if (siblings < 2) throw new StoreError('invalid', 'This is the member’s only identity: there is nothing to separate', because('onlyIdentity'));
    const from = identity.memberId;
    const id = newId('m');
    const member = emptyMember(id, identity.display || identity.value, settings, now);
    await db.members.add(member);
    await db.identities.put({ ...identity, memberId: id, linkedBy: 'created' });
    const orders = (await db.orders.where('[memberId+placedAt]').between([from, -Infinity], [from, Infinity]).toArray()).filter((o) => orderOf(identity, o));
    if (orders.length) await db.orders.bulkPut(orders.map((o) => ({ ...o, memberId: id, updatedAt: now })));
    await recomputeMembers(db, [from, id], now, undefined, settings);
    return { memberId: id, orders: orders.length };
  });
  return result;
}

/**
 * Two members are one person: everything of `mergeId` moves to `keepId` (identities, orders,
 * notes, reminders, contacts, tier history, tags); `keepId`'s profile wins where both have a value.
 */
export async function mergeMembers(db: RegularsDb, keepId: string, mergeId: string, now: number): Promise<MemberRow> {
  if (keepId === mergeId) throw new StoreError('invalid', 'A member cannot be merged with itself', because('mergeSelf'));
  const settings = await readSettings(db);
  const tables = [db.members, db.identities, db.orders, db.notes, db.reminders, db.contacts, db.tierChanges, db.points];
  const kept = await db.transaction('rw', tables, async () => {
    const [keep, other] = await db.members.bulkGet([keepId, mergeId]);
    if (!keep || !other) throw new StoreError('not_found', `No member with id ${!keep ? keepId : mergeId}`);
    await db.identities.where('memberId').equals(mergeId).modify({ memberId: keepId, linkedBy: 'manual' });
    await db.orders.where('[memberId+placedAt]').between([mergeId, -Infinity], [mergeId, Infinity]).modify({ memberId: keepId });
    await db.notes.where('memberId').equals(mergeId).modify({ memberId: keepId });
    await db.reminders.where('memberId').equals(mergeId).modify({ memberId: keepId });
    await db.contacts.where('memberId').equals(mergeId).modify({ memberId: keepId });
    await db.tierChanges.where('memberId').equals(mergeId).modify({ memberId: keepId });
    // A ladder apply lists its moves in one record: the merged member's are given to the kept one.
    const applied = (await db.tierChanges.where('memberId').equals(TIER_MOVES_MEMBER).toArray()).filter(isTierMoves);
    const renamed = applied.map((r) => movesRenamed(r, mergeId, keepId)).filter((r): r is TierMovesRow => !!r);
    if (renamed.length) await db.tierChanges.bulkPut(renamed);
    await db.points.where('[memberId+at]').between([mergeId, -Infinity], [mergeId, Infinity]).modify({ memberId: keepId });
    const pointsAdjustment = (keep.pointsAdjustment ?? 0) + (other.pointsAdjustment ?? 0) || undefined;
    const tags = [...keep.tags];
    for (const tag of other.tags) if (!tags.some((x) => x.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    await db.members.put({
      ...keep,
      tags,
      profile: { ...other.profile, ...keep.profile },
      doNotContact: keep.doNotContact || other.doNotContact,
      pointsAdjustment,
      updatedAt: now,
    });
    await db.members.delete(mergeId);
    await recomputeMembers(db, [keepId], now, undefined, settings);
    return (await db.members.get(keepId))!;
  });
  return kept;
}
