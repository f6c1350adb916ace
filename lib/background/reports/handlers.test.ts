import { expect, it } from 'vitest';
import { reportKeeper } from './report-snapshot';
import { reportHandlers } from './handlers';
import { readReportSnapshot } from '../../store/report-snapshot';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';

const sender = {};

it('a stale reports page is answered the current snapshot and its settings, so it draws without reading the store again', async () => {
  const db = memoryDb();
  await writeSettings(db, { lapseDays: 45, timeZone: 'Asia/Singapore' });
  await importOrders(db, [order({ amountMinor: 3000 }), order({ buyer: { handle: 'mei' } })], NOW);
  const keeper = reportKeeper(db, () => NOW, undefined, 60_000);
  keeper.schedule(); // the import's writes made the snapshot stale
  const answer = await reportHandlers(db, keeper)['reports.refresh']({}, sender);
  expect(answer.snapshot.report).toMatchObject({ members: 2, buyers: 2 });
  expect(answer.snapshot.stale).toBeUndefined();
  expect(answer.snapshot).toEqual(await readReportSnapshot(db));
  expect(answer.settings).toMatchObject({ lapseDays: 45, timeZone: 'Asia/Singapore' });
});
