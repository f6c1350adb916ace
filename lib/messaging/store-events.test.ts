// A page redraws when a table it shows was written, told by the change stream's channel of tables:
// once per burst of writes, and without the thousands of keys an import's batch writes.
import { afterEach, expect, it } from 'vitest';
import { STORE_CHANGES_CHANNEL, STORE_TABLES_CHANNEL } from '../domain/change-channel';
import { memberRow, orderRow } from '../domain/sync/fixtures';
import { memoryDb } from '../store/test-helpers';
import { onStoreChanged } from './store-events';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** Every message a channel carries about database `db`, as its listeners receive it. */
function heard(name: string, db: string) {
  const channel = new BroadcastChannel(name);
  const messages: unknown[] = [];
  channel.onmessage = (e: MessageEvent<{ db?: string }>) => e.data.db === db && messages.push(e.data);
  stops.push(() => channel.close());
  return messages;
}

const members = (n: number) => Array.from({ length: n }, (_, i) => memberRow({ id: `m_${i}` }));

it("a page hears once per burst that a table it shows was written, and only the tables' names", async () => {
  const db = memoryDb(undefined, undefined, 'store-events-burst');
  let calls = 0;
  stops.push(onStoreChanged(['members'], () => calls++, 50));
  const tables = heard(STORE_TABLES_CHANNEL, db.name);
  const full = heard(STORE_CHANGES_CHANNEL, db.name);

  // An import's batches: thousands of member rows, three transactions close together.
  for (let b = 0; b < 3; b++) await db.members.bulkPut(members(3000).map((m) => ({ ...m, id: `${m.id}-${b}` })));
  await expect.poll(() => calls, { timeout: 2000 }).toBe(1);

  const told = { db: db.name, tables: [{ table: 'members' }] };
  expect(tables).toEqual([told, told, told]);
  // The background's listeners still get every key, on the other channel.
  expect(full).toHaveLength(3);
  expect((full[0] as { tables: { keys: string[] }[] }).tables[0]!.keys).toHaveLength(3000);
});

it('a write to a table the page does not show does not redraw it', async () => {
  const db = memoryDb(undefined, undefined, 'store-events-other');
  let calls = 0;
  stops.push(onStoreChanged(['members'], () => calls++, 20));
  const tables = heard(STORE_TABLES_CHANNEL, db.name);
  await db.orders.put(orderRow());
  await expect.poll(() => tables.length).toBe(1);
  await new Promise((r) => setTimeout(r, 100));
  expect(calls).toBe(0);
});

it('a page listens to the channel of tables, not to the one that carries the keys', async () => {
  let calls = 0;
  stops.push(onStoreChanged(['members'], () => calls++, 10));
  const post = (name: string) => {
    const channel = new BroadcastChannel(name);
    channel.postMessage({ db: 'elsewhere', tables: [{ table: 'members', kind: 'put', keys: ['m_1'] }] });
    channel.close();
  };
  post(STORE_CHANGES_CHANNEL);
  await new Promise((r) => setTimeout(r, 100));
  expect(calls).toBe(0);
  post(STORE_TABLES_CHANNEL);
  await expect.poll(() => calls).toBe(1);
});
