// Joining a team writes as one import-like session: the figures derived from orders wait for its
// end instead of being recomputed between batches, the reminders are told once, and nothing that
// arrived is sent back.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { keepDerivedFresh } from '../derived';
import { importOrders } from '../import/import-orders';
import { NOW, order } from '../test-helpers';

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
});
