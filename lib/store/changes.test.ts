import { afterEach, describe, expect, it } from 'vitest';
import { onCommitted, rowsOf, withOrigin, type StoreChange } from './changes';
import { generationKey } from './generation';
import type { RegularsDb } from './database';
import { startNotingUnsent } from './unsent';
import { memoryDb, NOW } from './test-helpers';

const member = (id: string, tags: string[] = []) => ({
  id,
  displayName: id,
  tierId: 'bronze',
  tags,
  profile: {},
  doNotContact: false,
  createdAt: NOW,
  updatedAt: NOW,
  orderCount: 0,
  spendMinor: 0,
  currency: 'USD',
  spendOrderCount: 0,
  averageOrderMinor: 0,
});

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function collect(db: RegularsDb, seen?: (change: StoreChange) => void): StoreChange[] {
  const changes: StoreChange[] = [];
  stop = onCommitted((c) => {
    if (c.db !== db.name) return;
    changes.push(c);
    seen?.(c);
  });
  return changes;
}

describe('the change stream', () => {
  it('a committed transaction of several writes is one event, listing each table, kind and key', async () => {
    const db = memoryDb(undefined, undefined, 'changes-one');
    await db.open();
    const changes = collect(db);
    await db.transaction('rw', [db.members, db.tags], async () => {
      await db.members.bulkPut([member('m1'), member('m2')]);
      await db.tags.put({ name: 'vip', count: 1, lastUsedAt: NOW });
      await db.members.delete('m2');
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.from).toBe('here');
    expect(changes[0]!.tables).toEqual([
      { table: 'members', kind: 'put', keys: ['m1', 'm2'] },
      { table: 'tags', kind: 'put', keys: ['vip'] },
      { table: 'members', kind: 'delete', keys: ['m2'] },
    ]);
  });

  it('a single write outside a transaction is one event too', async () => {
    const db = memoryDb(undefined, undefined, 'changes-single');
    const changes = collect(db);
    await db.members.put(member('m1'));
    await db.settings.put({ key: 'lapseDays', value: 90 });
    expect(changes.map((c) => c.tables)).toEqual([[{ table: 'members', kind: 'put', keys: ['m1'] }], [{ table: 'settings', kind: 'put', keys: ['lapseDays'] }]]);
  });

  it('a transaction that fails emits nothing, and the store is as before', async () => {
    const db = memoryDb(undefined, undefined, 'changes-rollback');
    await db.members.put(member('m1'));
    const changes = collect(db);
    await expect(
      db.transaction('rw', [db.members], async () => {
        await db.members.put(member('m2'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(changes).toEqual([]);
    expect(await db.members.count()).toBe(1);
  });

  it('a listener sees the committed state when it is called', async () => {
    const db = memoryDb(undefined, undefined, 'changes-state');
    const read: Promise<string[] | undefined>[] = [];
    collect(db, () => read.push(db.members.get('m1').then((m) => m?.tags)));
    await db.transaction('rw', [db.members], async () => {
      await db.members.put(member('m1'));
      await db.members.update('m1', { tags: ['gift'] });
    });
    expect(read).toHaveLength(1);
    expect(await read[0]).toEqual(['gift']);
  });

  it('a cleared table is a delete of unknown keys; a named writer is the change’s origin', async () => {
    const db = memoryDb(undefined, undefined, 'changes-clear');
    await startNotingUnsent(db.caches);
    await db.members.put(member('m1'));
    const changes = collect(db);
    await db.transaction('rw', [db.members], async () => {
      withOrigin('restore');
      await db.members.clear();
    });
    expect(changes).toEqual([{ db: db.name, from: 'here', origin: 'restore', marks: { members: expect.any(String) }, unsent: expect.any(String), tables: [{ table: 'members', kind: 'delete', keys: null }] }]);
  });

  it('carries the generation marks it wrote, and the member rows it put to listeners in this context only', async () => {
    const db = memoryDb(undefined, undefined, 'changes-rows');
    const changes = collect(db);
    await db.transaction('rw', [db.members, db.tags], async () => {
      await db.members.bulkPut([member('m1'), member('m2')]);
      await db.members.update('m1', { tags: ['gift'] });
      await db.tags.put({ name: 'gift', count: 1, lastUsedAt: NOW });
    });
    const mark = (await db.caches.get(generationKey('members')))?.value;
    expect(changes[0]!.marks).toEqual({ members: mark });
    expect(rowsOf<{ id: string; tags: string[] }>(changes[0]!, 'members')?.map((m) => [m.id, m.tags])).toEqual([['m1', []], ['m2', []], ['m1', ['gift']]]);
    expect(rowsOf(changes[0]!, 'tags')).toBeUndefined();
  });

  it('reads and writes of derived data (the caches table) are no change', async () => {
    const db = memoryDb(undefined, undefined, 'changes-caches');
    const changes = collect(db);
    await db.caches.put({ key: 'facts:members', value: 1 });
    await db.members.toArray();
    expect(changes).toEqual([]);
  });
});

describe('the change stream in Node', () => {
  // The sync bench printed its figures and then never exited: the stream's BroadcastChannel held it.
  it('a process that listens to the stream still exits when its work is done', async () => {
    const { spawn } = await import('node:child_process');
    const { resolve } = await import('node:path');
    const script = `import { onCommitted } from ${JSON.stringify(resolve(import.meta.dirname, 'changes.ts'))}; onCommitted(() => undefined);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    const code = await new Promise<number | string>((done) => {
      const timer = setTimeout(() => (child.kill(), done('still running after 20 s')), 20_000);
      child.once('exit', (c) => (clearTimeout(timer), done(c ?? 'killed')));
    });
    expect(code).toBe(0);
  }, 30_000);
});
