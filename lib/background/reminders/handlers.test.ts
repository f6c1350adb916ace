import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { writeSettings } from '../../store/settings';
import { memoryDb, NOW, order } from '../test-helpers';

const HOUR = 3_600_000;
const sender = { id: 'x' };

describe('rules after imports', () => {
  it('an import in batches is evaluated once its session ends, not batch by batch', async () => {
    const db = memoryDb();
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    let changed = 0;
    const h = createHandlers({ db, now: () => NOW, journeys: { onRemindersChanged: () => changed++ } });
    const session = 'session-0001';
    await h['orders.import']({ rows: [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], session }, sender);
    await new Promise((r) => setTimeout(r, 400));
    expect(await db.reminders.count()).toBe(0);
    await h['orders.importEnd']({ session }, sender);
    await new Promise((r) => setTimeout(r, 800));
    expect((await db.reminders.toArray()).map((r) => r.kind)).toEqual(['unpaid']);
    expect(changed).toBeGreaterThan(0);
  });
});
