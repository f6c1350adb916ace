// Saved segments and what is done to their members: evaluate, tag in bulk, export, log contacts.
// Members are evaluated in memory, from the member facts (member-snapshot.ts) rather than indexes:
// the schema has few on purpose; tests/bench measures 100k members.
import { eachMember } from '../../domain/member-columns';
import { membersOnPlatforms } from '../../domain/platform-columns';
import { compileFilter, filterNeedsPlatforms, parseSegmentFilter, rfmOverview, type RfmGroup, type SegmentFilter, type SegmentMember } from '../../domain/segments';
import { newId, type RegularsDb } from '../../store/database';
import { memberColumns, memberFacts, platformsByMemberId, platformsSnapshot } from './member-snapshot';
import { TIER_MOVES_MEMBER, type ContactRow, type MemberRow, type SegmentRow, type TierChangeRow } from '../../domain/rows';
import { movesOf } from '../../domain/tier-moves';
import { heldUntilChanged } from '../../store/held';
import { type Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { normaliseTag } from '../members/card';
import { StoreError } from '../../store/store-error';
import { because, type Reason } from '../../domain/reason';

type Ctx = Pick<Settings, 'timeZone' | 'rfmBreaks' | 'points' | 'shopCurrency'>;

/** Members (as given) that a filter selects. */
export async function evaluateFilter<M extends SegmentMember>(
  db: RegularsDb,
  filter: SegmentFilter,
  members: readonly M[],
  settings: Ctx,
  now: number,
): Promise<M[]> {
  const platforms = filterNeedsPlatforms(filter) ? await platformsByMemberId(db) : undefined;
  const test = compileFilter(
    filter,
    { now, timeZone: settings.timeZone, rfmBreaks: settings.rfmBreaks, platforms, points: { settings: settings.points, shopCurrency: settings.shopCurrency } },
  );
  const out: M[] = [];
  for (const m of members) if (test(m)) out.push(m);
  return out;
}

/**
 * The ids of the members a filter selects, evaluated over the member columns (no object per
 * member). A filter on platforms first marks the members on them by index (the platforms are kept
 * in the member columns' id order), and only those are visited.
 */
export async function filterMemberIds(db: RegularsDb, filter: SegmentFilter, now: number): Promise<Set<string>> {
  const { platforms: wanted, ...rest } = filter;
  const [settings, { columns, ids }, platforms] = await Promise.all([readSettings(db), memberColumns(db), wanted?.length ? platformsSnapshot(db) : undefined]);
  const only = platforms && wanted ? membersOnPlatforms(platforms, ids, wanted) : undefined;
  const test = compileFilter(
    rest,
    { now, timeZone: settings.timeZone, rfmBreaks: settings.rfmBreaks, points: { settings: settings.points, shopCurrency: settings.shopCurrency } },
  );
  const out = new Set<string>();
  eachMember(
    columns,
    ids,
    (m) => {
      if (test(m)) out.add(m.id);
    },
    only,
  );
  return out;
}

export async function requireSegment(db: RegularsDb, id: string): Promise<SegmentRow & { filter: SegmentFilter }> {
  const row = await db.segments.get(id);
  if (!row) throw new StoreError('not_found', `No saved segment with id ${id}`);
  try {
    return { ...row, filter: parseSegmentFilter(row.filter) };
  } catch (e) {
    throw new StoreError('invalid', `Saved segment “${row.name}”: ${(e as Error).message}`, because('segmentDamaged', { name: row.name }));
  }
}

/**
 * The members of a saved segment now: the audience of a holiday greeting or a win-back.
 * Do-not-contact members are in it when the segment's filter keeps them; callers that send
 * messages must leave them out (or save the segment with do-not-contact excluded).
 */
export async function segmentMemberIds(db: RegularsDb, id: string, now: number): Promise<Set<string>> {
  const segment = await requireSegment(db, id);
  return filterMemberIds(db, segment.filter, now);
}

export async function listSegments(db: RegularsDb): Promise<SegmentRow[]> {
  const rows = await db.segments.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Saves a named filter; a new name makes a new segment, the same id overwrites it. Names are unique. */
export async function saveSegment(db: RegularsDb, input: { id?: string | undefined; name: string; filter: unknown }, now: number): Promise<SegmentRow> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new StoreError('invalid', 'A segment needs a name', because('segmentNoName'));
  let filter: SegmentFilter;
  try {
    filter = parseSegmentFilter(input.filter);
  } catch (e) {
    throw new StoreError('invalid', (e as Error).message, (e as { reason?: Reason }).reason);
  }
  return db.transaction('rw', [db.segments], async () => {
    const clash = (await db.segments.where('name').equalsIgnoreCase(name).toArray()).find((s) => s.id !== input.id);
    if (clash) throw new StoreError('conflict', `A segment named “${clash.name}” already exists`, because('segmentNameTaken', { name: clash.name }));
    const existing = input.id ? await db.segments.get(input.id) : undefined;
    if (input.id && !existing) throw new StoreError('not_found', `No saved segment with id ${input.id}`);
    const row: SegmentRow = { id: existing?.id ?? newId('s'), name, filter: filter as Record<string, unknown>, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await db.segments.put(row);
    return row;
  });
}

export async function deleteSegment(db: RegularsDb, id: string): Promise<boolean> {
  const existed = (await db.segments.get(id)) !== undefined;
  await db.segments.delete(id);
  return existed;
}

/** Members and revenue per RFM segment over the whole master file. */
export async function storeRfmOverview(db: RegularsDb, now: number): Promise<{ total: number; groups: RfmGroup[] }> {
  const settings = await readSettings(db);
  const members = await memberFacts(db);
  return {
    total: members.length,
    groups: rfmOverview(members, { now, timeZone: settings.timeZone, rfmBreaks: settings.rfmBreaks, shopCurrency: settings.shopCurrency }),
  };
}

/** Adds or removes one tag on many members at once; returns how many members changed. */
export async function bulkTag(db: RegularsDb, memberIds: readonly string[], rawTag: string, add: boolean, now: number): Promise<number> {
  const tag = normaliseTag(rawTag);
  if (!tag) throw new StoreError('invalid', 'A tag cannot be empty', because('tagEmpty'));
  const key = tag.toLowerCase();
  const changed = await db.transaction('rw', [db.members, db.tags], async () => {
    const members = (await db.members.bulkGet([...new Set(memberIds)])).filter((m): m is MemberRow => m !== undefined);
    const next: MemberRow[] = [];
    for (const m of members) {
      const has = m.tags.some((t) => t.toLowerCase() === key);
      if (add && !has && m.tags.length < 50) next.push({ ...m, tags: [...m.tags, tag], updatedAt: now });
      if (!add && has) next.push({ ...m, tags: m.tags.filter((t) => t.toLowerCase() !== key), updatedAt: now });
    }
    if (next.length) await db.members.bulkPut(next);
    const known = (await db.tags.where('name').equalsIgnoreCase(tag).first()) ?? { name: tag, count: 0, lastUsedAt: now };
    const count = Math.max(0, known.count + (add ? next.length : -next.length));
    if (next.length) await db.tags.put({ ...known, count, lastUsedAt: add ? now : known.lastUsedAt });
    return next.map((m) => m.id);
  });
  return changed.length;
}

/** "The campaign was sent": one contact per member, so the frequency cap knows. */
export async function logContacts(db: RegularsDb, memberIds: readonly string[], channel: string, reason: string, now: number): Promise<number> {
  const ids = [...new Set(memberIds)];
  const rows: ContactRow[] = ids.map((memberId) => ({ id: newId('c'), memberId, channel, reason, at: now }));
  await db.contacts.bulkAdd(rows);
  return rows.length;
}

/** Every ladder apply's moves by member, held until tier changes are written. */
const heldApplied = heldUntilChanged<Map<string, TierChangeRow[]>>(['tierChanges']);
const appliedMoves = (db: RegularsDb) =>
  heldApplied.get(db, '', async () => {
    const byMember = new Map<string, TierChangeRow[]>();
    for (const move of movesOf(await db.tierChanges.where('memberId').equals(TIER_MOVES_MEMBER).toArray())) {
      const list = byMember.get(move.memberId) ?? byMember.set(move.memberId, []).get(move.memberId)!;
      list.push(move);
    }
    return byMember;
  });

/** What the member view shows beyond the panel's card: every note, the contact log, tier history. */
export async function memberHistory(db: RegularsDb, memberId: string) {
  const [notes, contacts, own, applied] = await Promise.all([
    db.notes.where('memberId').equals(memberId).toArray(),
    db.contacts.where('memberId').equals(memberId).toArray(),
    db.tierChanges.where('memberId').equals(memberId).toArray(),
    appliedMoves(db),
  ]);
  const tierChanges = [...movesOf(own), ...(applied.get(memberId) ?? [])];
  return {
    notes: notes.sort((a, b) => b.createdAt - a.createdAt),
    contacts: contacts.sort((a, b) => b.at - a.at),
    tierChanges: tierChanges.sort((a, b) => b.at - a.at),
  };
}
