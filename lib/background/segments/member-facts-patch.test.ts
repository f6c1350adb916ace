import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { decodeMembers, encodeMembers } from '../../domain/member-columns';

import type { SegmentFilter } from '../../domain/segments';
import { DEFAULT_TIER_LADDER } from '../../domain/tiers';
import type { RegularsDb } from '../../store/database';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { addTag, memberIdForHandle, removeTag } from '../members/card';
import { mergeMembers, unmergeIdentity } from '../members/merge';
import { adjustPoints, createMember, linkHandle, updateMember } from '../members/members';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
import { applyTierLadder } from '../tiers/tiers';
import { factsReads, memberFacts } from './member-snapshot';
import { filterMemberIds } from './segments';

const idOf = async (db: RegularsDb, handle: string) => (await memberIdForHandle(db, 'demo', handle))!;
/** The facts as a scan of the rows makes them: what a patched copy must equal. */
const fromRows = async (db: RegularsDb) => decodeMembers(encodeMembers(await db.members.toArray()));

// Each step changes members one way; after it, facts held from before are brought up to date.
const steps: [string, (db: RegularsDb) => Promise<unknown>][] = [
  ['an import adds new members and orders to known ones', (db) => importOrders(db, [order({ buyer: { handle: 'amy' }, amountMinor: 90_000 }), order({ buyer: { handle: 'lily_chen' }, amountMinor: 70_000 })], NOW)],
  ['a tag is added', async (db) => addTag(db, await idOf(db, 'amy'), 'VIP', NOW)],
  ['a tag is taken off', async (db) => removeTag(db, await idOf(db, 'amy'), 'VIP', NOW)],
  ['a member asks not to be contacted and gives a birthday', async (db) => updateMember(db, await idOf(db, 'zoe'), { doNotContact: true, profile: { birthday: '03-14' } }, NOW)],
  ['points are adjusted by hand', async (db) => {
    await writeSettings(db, { points: { enabled: true, perUnit: 1 } });
    return adjustPoints(db, await idOf(db, 'mei'), 250, 'goodwill', 'agent', NOW);
  }],
  ['a member is made by hand (sorts before the others)', (db) => createMember(db, { platform: 'demo', handle: 'aaa_first' }, NOW)],
  ['a handle is linked', async (db) => linkHandle(db, await idOf(db, 'mei'), 'shopee', 'mei.sg', NOW)],
  ['two members are merged (one row goes)', async (db) => mergeMembers(db, await idOf(db, 'lily_chen'), await idOf(db, 'zoe'), NOW)],
  ['a merged handle is split off again', async (db) => unmergeIdentity(db, 'demo:handle:zoe', NOW)],
  ['an easier ladder moves members up', (db) => applyTierLadder(db, { ...DEFAULT_TIER_LADDER, steps: DEFAULT_TIER_LADDER.steps.map((s) => (s.id === 'silver' ? { ...s, minSpendMinor: 500 } : s.id === 'gold' ? { ...s, minSpendMinor: 1_000 } : s)) }, NOW)],
  ['a rolling window moves them back', (db) => applyTierLadder(db, { ...DEFAULT_TIER_LADDER, window: { days: 30 } }, NOW)],
  ['a member row is deleted', async (db) => db.members.delete(await idOf(db, 'mei'))],
];

describe('member facts kept from the change stream', () => {
  it.each(steps.map(([name], i) => [name, i] as const))('after "%s", they equal the facts read from the rows, with no scan', async (_name, upTo) => {
    const factory = new IDBFactory();
    const db = memoryDb(undefined, factory);
    await importOrders(db, ['lily_chen', 'zoe', 'mei'].map((handle, i) => order({ buyer: { handle }, amountMinor: 1_000 * (i + 1), placedAt: NOW - (i + 1) * 40 * DAY })), NOW);
    await memberFacts(db);
    for (const [, step] of steps.slice(0, upTo)) await step(db);
    await memberFacts(db); // held from just before the step
    const before = { ...factsReads };
    await steps[upTo]![1](db);
    const patched = await memberFacts(db);
    expect(patched).toEqual(await fromRows(db));
    expect(factsReads.scans - before.scans).toBe(0);
    // A context that wakes afterwards (nothing in memory) reads the same facts.
    expect(await memberFacts(memoryDb(undefined, factory))).toEqual(patched);
  });

  it('a saved filter over patched facts selects the members it selects over the rows', async () => {
    const db = memoryDb();
    await importOrders(db, ['lily_chen', 'zoe', 'mei', 'amy'].map((handle) => order({ buyer: { handle } })), NOW);
    const filter: SegmentFilter = { tags: { any: ['VIP'] }, doNotContact: 'exclude' };
    expect(await filterMemberIds(db, filter, NOW)).toEqual(new Set());
    await addTag(db, await idOf(db, 'zoe'), 'VIP', NOW);
    await addTag(db, await idOf(db, 'amy'), 'VIP', NOW);
    await updateMember(db, await idOf(db, 'amy'), { doNotContact: true }, NOW);
    expect(await filterMemberIds(db, filter, NOW)).toEqual(new Set([await idOf(db, 'zoe')]));
  });
});
