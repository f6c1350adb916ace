// Schema v5's upgrade: member rows stop carrying their tier (it is derived: member-tiers.ts). The
// tier each member showed (the row's own, or the one a later ladder apply kept beside it) becomes
// the kept tiers, the ones the background's keeper compares with to record moves; nothing else of
// a row changes. An upgrade that fails leaves the store at the version before, with its data.
import type { Transaction } from 'dexie';
import { DEFAULT_TIER_LADDER } from '../domain/tiers';
import { generationKey, newGeneration } from './generation';
import { encodeTiers, ladderKey, MEMBER_TIERS_KEY } from './member-tiers';
import { forEachPage } from './pages';

const PAGE = 5000;

/** The ladder applies' tiers as schema v4 kept them (store/tier-overrides.ts until 2026-12-04). */
const LEGACY_KEY = 'tiers:applied';

interface LegacyOverrides {
  names: string[];
  ids: string[];
  tiers: number[];
  bases: number[];
  at: number[];
}

type LegacyRow = { id: string; tierId?: string; updatedAt: number };

export async function tiersOutOfRows(tx: Transaction): Promise<void> {
  const caches = tx.table('caches');
  const legacy = (await caches.get(LEGACY_KEY))?.value as LegacyOverrides | undefined;
  const applied = new Map<string, { tier: string; base: string; at: number }>();
  const name = (i: number) => legacy!.names[i]!;
  if (legacy) legacy.ids.forEach((id, i) => applied.set(id, { tier: name(legacy.tiers[i]!), base: name(legacy.bases[i]!), at: legacy.at[i]! }));
  const ladder = (await tx.table('settings').get('tierLadder'))?.value ?? DEFAULT_TIER_LADDER;
  const shown = new Map<string, string>();
  // Whole rows put back (a modify that deletes a field leaves it stored), a page at a time.
  await forEachPage(tx.table<LegacyRow, string>('members'), PAGE, async (page) => {
    const rows = page.map(({ tierId: own = '', ...row }) => {
      const entry = applied.get(row.id);
      const tier = entry && row.updatedAt <= entry.at && own === entry.base ? entry.tier : own;
      if (tier) shown.set(row.id, tier);
      return row;
    });
    await tx.table('members').bulkPut(rows);
  });
  // The member facts kept on disk were built from rows as they were: a new mark retires them.
  const mark = newGeneration();
  await caches.put({ key: generationKey('members'), value: mark });
  await caches.put({ key: MEMBER_TIERS_KEY, generation: mark, builtAt: Date.now(), value: encodeTiers(ladderKey(ladder), shown) });
  await caches.delete(LEGACY_KEY);
}
