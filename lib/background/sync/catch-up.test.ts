// Joining a team writes as one import-like session: the figures derived from orders wait for its
// end instead of being recomputed between batches, the reminders are told once, and nothing that
// arrived is sent back.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { keepDerivedFresh } from '../derived';
import { importOrders } from '../import/import-orders';
import { addTag } from '../members/card';
import { NOW, order } from '../test-helpers';
import { memberRow } from '../../domain/sync/fixtures';

const { newTeam, machine } = teamOnTestServer();

describe('joining a team', () => {
  it('is one session: order figures refreshed once at its end, the reminders told once', async () => {
    const team = await newTeam();
    const a = await machine(team, 'alice', 'alice-pw');
    await importOrders(a.db, Array.from({ length: 60 }, (_, i) => order({ orderNo: `C${i}`, buyer: { handle: `buyer${i}` } })), NOW);
    a.engine.start();
    await a.engine.settled(30_000);

    const refreshed: number[] = [];
    const told: { members: number; session: string | undefined }[] = [];
    const hooks: { importEnded?: (session: string) => void } = {};
    const b = await machine(team, 'bob', 'bob-pw', {
      onApplied: (_tables, members, session) => {
        told.push({ members: members.size, session });
        if (session) hooks.importEnded?.(session);
      },
    });
    const derived = keepDerivedFresh(b.db, { ordersChanged: () => refreshed.push(Date.now()), membersChanged: () => undefined });
    hooks.importEnded = derived.importEnded;
    b.engine.start();
    await b.engine.settled(30_000);
    derived.stop();

    expect(await b.db.orders.count()).toBe(60);
    // Sixty buyers' documents came in batches of 50: many batches, one refresh, one call.
    expect(refreshed).toHaveLength(1);
    expect(told).toEqual([{ members: 60, session: expect.stringMatching(/^sync-\d+$/) }]);
    expect(b.engine.status().waiting).toBe(0);
  }, 60_000);

  it('each member gets its own tags, m_1 none of m_10\'s, when they arrive together and when one comes later', async () => {
    const team = await newTeam();
    const a = await machine(team, 'alice', 'alice-pw');
    await a.db.members.bulkPut([memberRow({ id: 'm_1', tags: ['gift'] }), memberRow({ id: 'm_10', tags: ['vip', 'wholesale'] }), memberRow({ id: 'm_2', tags: [] })]);
    a.engine.start();
    await a.engine.settled(30_000);
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled(30_000);
    const tagsOnB = async () => Object.fromEntries((await b.db.members.toArray()).map((m) => [m.id, m.tags]));
    expect(await tagsOnB()).toEqual({ m_1: ['gift'], m_10: ['vip', 'wholesale'], m_2: [] });

    // Later, alone in its batch: the tags B synced before are read back for m_1 only.
    await addTag(a.db, 'm_1', 'late', NOW + 1);
    await expect.poll(tagsOnB, { timeout: 5000 }).toEqual({ m_1: ['gift', 'late'], m_10: ['vip', 'wholesale'], m_2: [] });
  }, 60_000);
});
