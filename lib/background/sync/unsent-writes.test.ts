// A write to a shared table reaches the team even when no noting of it finished: the service worker
// ended while noting it, or a page wrote while no worker listened to the change channel. The store's
// note of the write (lib/store/unsent.ts) is read when the next worker's noter starts.
import { expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { SHARED_TABLES } from '../../domain/sync/documents';
import { importOrders } from '../import/import-orders';
import { addNote, addTag } from '../members/card';
import { NOW, order } from '../test-helpers';
import { storeCommitted } from './committed-changes';
import { syncService } from './service';
import type { RegularsDb } from '../../store/database';
import type { SyncStateDb } from './state';
import { SYNC_TEST_TUNING } from './test-helpers';
import { NOTING_KEY } from '../../store/unsent';
import { backupFile, restoreBackup } from '../../store/backup';
import { readBackup } from '../../store/backup-read';
import type { ValidBackup } from '../../domain/backup';

const machines = teamOnTestServer();

/** Alice's first worker, connected with kim's order sent; `alive()` false: the browser ended it (it hears nothing more). */
async function firstWorker() {
  const team = await machines.newTeam();
  const stores = machines.stores('alice');
  const { db, state } = stores;
  const login = machines.login(team, 'alice');
  let alive = true;
  const heard = storeCommitted(db.name, Object.keys(SHARED_TABLES));
  const worker = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING, subscribe: (l) => heard((c, u) => alive && l(c, u)) });
  await worker.connect(login);
  await importOrders(db, [order({ buyer: { handle: 'kim' } })], NOW);
  await worker.engine()!.settled(30_000);
  const kim = (await db.members.toArray())[0]!;
  const end = async () => {
    alive = false;
    await worker.engine()?.close();
  };
  return { ...stores, team, login, kim, end };
}

/** The next worker signs in again and sends what waits; then bob joins: what he holds of `memberId`. */
async function nextWorkerThenBob(db: RegularsDb, state: SyncStateDb, team: string, login: Parameters<ReturnType<typeof syncService>['connect']>[0], memberId: string) {
  const next = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING });
  try {
    await next.resume();
    await next.connect(login);
    await next.engine()!.settled(30_000);
  } finally {
    await next.engine()?.close();
  }
  return machines.whatBobHolds(team, memberId);
}

it('a tag whose noting the worker never finished (it ended mid-noting) reaches the team from the next worker', async () => {
  const { db, state, team, login, kim, end } = await firstWorker();
  // The store commits the tag; the worker ends before its outbox row is written.
  let began!: () => void;
  const noting = new Promise<void>((r) => (began = r));
  state.outbox.bulkPut = (() => (began(), new Promise(() => undefined))) as never;
  await addTag(db, kim.id, 'vip', NOW + 1);
  await noting;
  await end();
  Reflect.deleteProperty(state.outbox, 'bulkPut');
  expect(await state.outbox.count()).toBe(0);

  expect(await nextWorkerThenBob(db, state, team, login, kim.id)).toEqual({ tags: ['vip'], notes: [] });
}, 60_000);

it('a tag and a note an extension page wrote while no worker listened reach the team when a worker starts', async () => {
  const { db, state, team, login, kim, end, page: openPage } = await firstWorker();
  await end();
  // The members page writes over its own connection; its change goes out on the channel to nobody.
  const page = openPage();
  await addTag(page, kim.id, 'from-a-page', NOW + 1);
  await addNote(page, kim.id, 'written on the members page', 'alice', NOW + 2);
  page.close();

  expect(await nextWorkerThenBob(db, state, team, login, kim.id)).toEqual({ tags: ['from-a-page'], notes: ['written on the members page'] });
}, 60_000);

it('a backup restored on a page while no worker listened: the team gets the store as restored, what came after the backup undone', async () => {
  const { db, state, team, login, kim, end, page: openPage } = await firstWorker();
  await addNote(db, kim.id, 'in the backup', 'alice', NOW + 1);
  const backup = (await readBackup((await backupFile(db, NOW + 2)).blob)) as ValidBackup;
  await addTag(db, kim.id, 'after-the-backup', NOW + 3);
  await db.transaction('rw', [db.notes], () => db.notes.clear());
  await end();
  // The options page restores over its own connection (lib/store/backup.ts): every table cleared, then written.
  const page = openPage();
  await restoreBackup(page, backup);
  page.close();

  expect(await nextWorkerThenBob(db, state, team, login, kim.id)).toEqual({ tags: [], notes: ['in the backup'] });
}, 60_000);

it('a store on a team from before writes were marked (unsent.ts NOTING_KEY) is marked as a worker starts: a page write nobody heard still reaches the team', async () => {
  const { db, state, team, login, kim, end, page: openPage } = await firstWorker();
  await end();
  await db.caches.delete(NOTING_KEY);
  // A worker starts, and is ended before it hears any write.
  syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING, subscribe: () => () => undefined });
  await expect.poll(() => db.caches.get(NOTING_KEY)).toBeDefined();
  const page = openPage();
  await addTag(page, kim.id, 'marked-at-start', NOW + 1);
  page.close();

  expect(await nextWorkerThenBob(db, state, team, login, kim.id)).toEqual({ tags: ['marked-at-start'], notes: [] });
}, 60_000);
