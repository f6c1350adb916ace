import { describe, expect, it } from 'vitest';
import { importCapability } from './handlers';
import { importOrders } from './import-orders';
import { NOW } from '../test-helpers';
import { batches, journal, memberWrites, membersByName, withKnownMember } from './journal-test-helpers';

const optionsPage = {};
// One member per transaction, and a step answers after its first slice.
const ONE_AT_A_TIME = { slice: 1, stepMs: 0, recoverSlice: 1 };

async function imported(name: string, session: string) {
  const db = await withKnownMember(name);
  const imports = importCapability(db, () => NOW, {}, ONE_AT_A_TIME);
  for (const batch of batches()) await imports.handlers['orders.import']({ rows: batch, session }, optionsPage);
  return { db, imports };
}

async function oneShot(name: string) {
  const db = await withKnownMember(name);
  await importOrders(db, batches().flat(), NOW);
  return membersByName(db);
}

describe("an import's end goes in steps, each answered well inside a browser's time for one message", () => {
  it('each step writes its slice and answers; the next goes on from there; the last has what the import did', async () => {
    const { db, imports } = await imported('end-steps', 'session-steps');
    const answers: unknown[] = [];
    const writes = await memberWrites(db, async () => {
      for (let more = true, i = 0; more && i < 10; i++) {
        const answer = await imports.handlers['orders.importEnd']({ session: 'session-steps', step: true }, optionsPage);
        answers.push(answer);
        more = answer.more === true;
      }
    });
    // Three members a step each, then a step that keeps the batches for next time and ends the session.
    expect(answers).toEqual([
      { ended: false, members: { created: 2, matched: 1 }, more: true },
      { ended: false, members: { created: 2, matched: 1 }, more: true },
      { ended: false, members: { created: 2, matched: 1 }, more: true },
      { ended: true, members: { created: 2, matched: 1 } },
    ]);
    expect(writes.map((w) => w.filter((k) => k !== '*').length).filter(Boolean)).toEqual([1, 1, 1]);
    expect(await journal(db)).toBe(0);
    expect(await membersByName(db)).toEqual(await oneShot('end-steps-one-shot'));
  });

  it('a worker stopped between two steps: the next one goes on from where the end got to, and the next step gets what the import did', async () => {
    const { db, imports: dead } = await imported('end-died', 'session-died');
    expect((await dead.handlers['orders.importEnd']({ session: 'session-died', step: true }, optionsPage)).more).toBe(true);
    // The worker stops here. The next one starts: of the three waiting members, one was written.
    const next = importCapability(db, () => NOW, {}, ONE_AT_A_TIME);
    const writes = await memberWrites(db, async () => void expect(await next.recover()).toBe(2));
    // A member per transaction, never all of them at once.
    expect(Math.max(...writes.map((w) => w.filter((k) => k !== '*').length))).toBe(1);
    expect(await journal(db)).toBe(0);
    expect(await next.handlers['orders.importEnd']({ session: 'session-died', step: true }, optionsPage)).toEqual({ ended: true, members: { created: 2, matched: 1 } });
    // Asked again (or never asked): nothing is left of it.
    expect(await next.handlers['orders.importEnd']({ session: 'session-died', step: true }, optionsPage)).toEqual({ ended: false, members: { created: 0, matched: 0 } });
    expect(await membersByName(db)).toEqual(await oneShot('end-died-one-shot'));
    await dead.endAll();
  });

  it('the options page asking for the end of a session the new worker is still recovering is answered and asked again, then gets it', async () => {
    const { db } = await imported('end-asked', 'session-asked');
    const next = importCapability(db, () => NOW, {}, ONE_AT_A_TIME);
    const answers = [];
    for (let more = true, i = 0; more && i < 20; i++) {
      const answer = await next.handlers['orders.importEnd']({ session: 'session-asked', step: true }, optionsPage);
      answers.push(answer);
      more = answer.more === true;
    }
    expect(answers.at(-1)).toEqual({ ended: true, members: { created: 2, matched: 1 } });
    expect(await membersByName(db)).toEqual(await oneShot('end-asked-one-shot'));
  });
});
