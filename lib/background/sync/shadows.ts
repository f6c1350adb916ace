// Where the shadows (state.ts ShadowRow, what was last synced of each document) are read and written.
// A join writes one shadow per document it brings: as many IndexedDB puts as the store's own, each
// a request of its own, and that bookkeeping took as long as writing the shop. So a catch-up that
// began with none (a join: every shadow is the feed's, in feed order) keeps them in packs of up to
// PACK_SIZE, found by a multi-entry index of their ids. Members' go in packs of MEMBER_PACK_SIZE:
// each batch reads some back as merge bases (the members of orders it brings), in whatever order
// they come, and a lookup decodes the whole pack. Tags' stay records of their own: they are read by
// a prefix of their ids. Every other write is a record of its own, newer than any pack's shadow of
// the same document; a deleted shadow leaves its pack too.
import type { ShadowPack, ShadowRow, SyncStateDb } from './state';

/** Shadows a pack holds at most: a lookup of one of them decodes them all. */
export const PACK_SIZE = 200;

/**
 * Member shadows a pack holds at most. A put is a request of its own, with its reply and its event in
 * the worker (a Chromium trace of a 20k-member join: some 80 us of the IndexedDB backend's time a
 * put, whatever its size); one record per member shadow was a sixth of a join's puts.
 */
export const MEMBER_PACK_SIZE = 20;

const isMember = (id: string) => id.startsWith('member:');

/** Tag shadows stay records of their own (see above). */
export const packable = (id: string) => !id.startsWith('tag:');

const uniqueKeys = (keys: readonly number[]) => [...new Set(keys)].sort((a, b) => a - b);

/** The packs' shadows of these packs, later packs over earlier ones, keeping those `wanted` says. */
async function packed(state: SyncStateDb, keys: readonly number[], wanted: (id: string) => boolean): Promise<Map<string, ShadowRow>> {
  const out = new Map<string, ShadowRow>();
  if (!keys.length) return out;
  for (const pack of await state.packs.bulkGet(uniqueKeys(keys))) for (const s of pack?.shadows ?? []) if (wanted(s.id)) out.set(s.id, s);
  return out;
}

/** The shadows of these documents, undefined where none is kept. */
export async function shadowsOf(state: SyncStateDb, ids: readonly string[]): Promise<(ShadowRow | undefined)[]> {
  if (!ids.length) return [];
  const own = await state.shadow.bulkGet([...ids]);
  const missing = ids.filter((id, i) => !own[i] && packable(id));
  if (!missing.length) return own;
  const set = new Set(missing);
  const inPacks = await packed(state, await state.packs.where('ids').anyOf(missing).primaryKeys(), (id) => set.has(id));
  return ids.map((id, i) => own[i] ?? inPacks.get(id));
}

export async function shadowOf(state: SyncStateDb, id: string): Promise<ShadowRow | undefined> {
  return (await shadowsOf(state, [id]))[0];
}

/** The shadows of the documents whose ids start with one of `prefixes`, by id. */
export async function shadowsWithPrefix(state: SyncStateDb, prefixes: readonly string[]): Promise<ShadowRow[]> {
  if (!prefixes.length) return [];
  const own = await state.shadow.where('id').startsWithAnyOf([...prefixes]).toArray();
  const keys = prefixes.some(packable) ? await state.packs.where('ids').startsWithAnyOf([...prefixes]).primaryKeys() : [];
  if (!keys.length) return own;
  const all = await packed(state, keys, (id) => prefixes.some((p) => id.startsWith(p)));
  for (const s of own) all.set(s.id, s);
  return [...all.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ids of the documents with a shadow whose ids start with `prefix`. */
export async function shadowIdsWithPrefix(state: SyncStateDb, prefix: string): Promise<string[]> {
  const own = await state.shadow.where('id').startsWith(prefix).primaryKeys();
  if (!packable(prefix)) return own;
  const inPacks = (await state.packs.where('ids').startsWith(prefix).keys()) as string[];
  return [...new Set([...own, ...inPacks])];
}

/** Whether any shadow is kept. */
export async function hasShadows(state: SyncStateDb): Promise<boolean> {
  return (await state.shadow.count()) > 0 || (await state.packs.count()) > 0;
}

/**
 * Keeps these shadows, in packs where they can be. Only for a catch-up that began with no shadow:
 * nothing pushes while catching up, so the only shadow of their own another writer keeps meanwhile
 * is a member's placeholder (team-member.ts, an agent looking up a buyer whose member document has
 * not come yet): it goes when the member's shadow is packed, which would not be read past it.
 */
export async function packShadows(state: SyncStateDb, rows: readonly ShadowRow[]): Promise<void> {
  const packs: ShadowPack[] = [];
  const cut = (list: readonly ShadowRow[], size: number) => {
    for (let i = 0; i < list.length; i += size) {
      const shadows = list.slice(i, i + size);
      packs.push({ ids: shadows.map((s) => s.id), shadows });
    }
  };
  const members = rows.filter((r) => isMember(r.id));
  cut(members, MEMBER_PACK_SIZE);
  cut(rows.filter((r) => packable(r.id) && !isMember(r.id)), PACK_SIZE);
  await state.transaction('rw', state.shadow, state.packs, async () => {
    const placeholders = members.length ? await state.shadow.where('id').anyOf(members.map((r) => r.id)).primaryKeys() : [];
    if (placeholders.length) await state.shadow.bulkDelete(placeholders);
    await state.shadow.bulkPut(rows.filter((r) => !packable(r.id)));
    await state.packs.bulkAdd(packs);
  });
}

/** Forgets the shadows of these documents, their own records and the packs' (a pack left empty goes). */
export async function dropShadows(state: SyncStateDb, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await state.transaction('rw', state.shadow, state.packs, async () => {
    await state.shadow.bulkDelete([...ids]);
    const inPacks = ids.filter(packable);
    const keys = inPacks.length ? uniqueKeys(await state.packs.where('ids').anyOf(inPacks).primaryKeys()) : [];
    if (!keys.length) return;
    const gone = new Set(inPacks);
    for (const pack of await state.packs.bulkGet(keys)) {
      if (pack?.n === undefined) continue;
      const shadows = pack.shadows.filter((s) => !gone.has(s.id));
      if (shadows.length) await state.packs.put({ n: pack.n, ids: shadows.map((s) => s.id), shadows } satisfies ShadowPack);
      else await state.packs.delete(pack.n);
    }
  });
}

/** Forgets every shadow (another team: what was synced with the old one means nothing). */
export async function clearShadows(state: SyncStateDb): Promise<void> {
  await Promise.all([state.shadow.clear(), state.packs.clear()]);
}
