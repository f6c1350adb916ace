import { describe, expect, it } from 'vitest';
import { updateMember } from './members';
import { membersSnapshot, platformsSnapshot } from './member-snapshot';
import { addTag, importOrders, memberIdForHandle } from './store';
import { memoryDb, NOW, order } from './test-helpers';

describe('the members snapshot used by segments', () => {
  it('is read once while nothing changes, and read again after any write to members', async () => {
    const db = memoryDb();
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const first = await membersSnapshot(db);
    expect(await membersSnapshot(db)).toBe(first);
    const id = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;

    await addTag(db, id, 'gift', NOW);
    const afterTag = await membersSnapshot(db);
    expect(afterTag).not.toBe(first);
    expect(afterTag[0]!.tags).toEqual(['gift']);

    await updateMember(db, id, { doNotContact: true }, NOW);
    expect((await membersSnapshot(db))[0]!.doNotContact).toBe(true);

    await importOrders(db, [order({ buyer: { handle: 'mei' } })], NOW);
    expect(await membersSnapshot(db)).toHaveLength(2);
  });

  it('a write to another table keeps the snapshot', async () => {
    const db = memoryDb();
    await importOrders(db, [order()], NOW);
    const first = await membersSnapshot(db);
    await db.contacts.add({ id: 'c1', memberId: first[0]!.id, channel: 'sms', reason: '', at: NOW });
    expect(await membersSnapshot(db)).toBe(first);
  });
});

describe('the platforms snapshot', () => {
  it('follows identities: a member linked to a handle on another platform has both', async () => {
    const { linkHandle } = await import('./members');
    const db = memoryDb();
    await importOrders(db, [order({ buyer: { handle: 'lily_chen' } })], NOW);
    const id = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;
    expect((await platformsSnapshot(db)).get(id)).toEqual(new Set(['demo']));
    await linkHandle(db, id, 'shopee', 'lily.sg', NOW);
    expect((await platformsSnapshot(db)).get(id)).toEqual(new Set(['demo', 'shopee']));
  });
});
