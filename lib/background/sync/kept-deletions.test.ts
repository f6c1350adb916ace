// Which deletions from another machine (a cancelled import, a restored backup) this machine refuses:
// those that would lose a buyer an agent wrote on, or leave them with no handle to be found by. A
// handle whose buyer stays, found by another, goes: that was the cancel's or the restore's intent.
import { describe, expect, it } from 'vitest';
import type { IdentityRow } from '../../domain/rows';
import { memoryDb } from '../../store/test-helpers';
import { emptyMember } from '../members/members';
import { NOW } from '../test-helpers';
import { keptDeletions } from './kept-deletions';

const identity = (memberId: string, value: string): IdentityRow => ({
  id: `demo:handle:${value}`, platform: 'demo', kind: 'handle', value, display: value, memberId, linkedBy: 'created', createdAt: NOW,
});

/** Ana (tagged by an agent) with two handles, Bo (nobody wrote on) with one. */
async function team() {
  const db = memoryDb(undefined, undefined, `kept-${Math.random()}`);
  await db.members.bulkPut([{ ...emptyMember('m_ana', 'Ana', { shopCurrency: 'USD' }, NOW), tags: ['vip'] }, emptyMember('m_bo', 'Bo', { shopCurrency: 'USD' }, NOW)]);
  await db.identities.bulkPut([identity('m_ana', 'ana'), identity('m_ana', 'ana_shop'), identity('m_bo', 'bo')]);
  return db;
}

const refused = async (deletions: string[]) => {
  const db = await team();
  return db.transaction('rw', [db.members, db.identities, db.notes, db.contacts, db.reminders], async () => [...(await keptDeletions(db, deletions, new Map())).kept].sort());
};

describe('deletions refused from another machine', () => {
  it.each([
    ['a buyer an agent wrote on, and all their handles', ['member:m_ana', 'identity:demo:handle:ana', 'identity:demo:handle:ana_shop'], ['identity:demo:handle:ana', 'identity:demo:handle:ana_shop', 'member:m_ana']],
    ['all the handles of a buyer an agent wrote on', ['identity:demo:handle:ana', 'identity:demo:handle:ana_shop'], ['identity:demo:handle:ana', 'identity:demo:handle:ana_shop']],
    ['one handle of a buyer an agent wrote on, who keeps the other', ['identity:demo:handle:ana_shop'], []],
    ['a buyer nobody wrote on, and their handle', ['member:m_bo', 'identity:demo:handle:bo'], []],
  ])('%s', async (_, deletions, kept) => {
    expect(await refused(deletions)).toEqual(kept);
  });
});
