import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ValidBackup } from '../domain/backup';
import { importOrders } from '../background/import/import-orders';
import { DAY, memoryDb, NOW, order } from '../background/test-helpers';
import { translator } from '../i18n';
import { defaultSettings } from '../domain/settings';
import { storeFiles } from './store-files';

function setup() {
  const factory = new IDBFactory();
  const sent: [string, unknown][] = [];
  const send = (async (name: string, payload: unknown) => {
    sent.push([name, payload]);
    return {};
  }) as Parameters<typeof storeFiles>[0];
  let clock = NOW;
  const files = storeFiles(send, () => memoryDb(undefined, factory), () => clock);
  return { factory, sent, files, setClock: (t: number) => (clock = t) };
}

describe('the options page backs up and restores the store it opens itself', () => {
  it('a backup is named for the shop day and recorded as the last backup', async () => {
    const { factory, sent, files } = setup();
    await importOrders(memoryDb(undefined, factory), [order(), order({ buyer: { handle: 'mei' } })], NOW);
    const saved = await files.backup('Asia/Singapore');
    expect(saved.fileName).toBe('regulars-backup-2026-11-23.ndjson.gz');
    expect(saved.rows).toBe(Object.values(saved.header.counts).reduce((a, b) => a + b, 0));
    expect(sent).toEqual([['settings.update', { lastBackupAt: NOW }]]);
  });

  it('a restore tells the background, and the restored store counts as backed up when the file was made', async () => {
    const { factory, sent, files, setClock } = setup();
    await importOrders(memoryDb(undefined, factory), [order()], NOW);
    const saved = await files.backup('UTC');
    setClock(NOW + 3 * DAY);
    await importOrders(memoryDb(undefined, factory), [order({ buyer: { handle: 'later' } })], NOW + 3 * DAY);
    expect((await files.counts()).members).toBe(2);

    sent.length = 0;
    const read = await files.read(saved.blob);
    await files.restore(read as ValidBackup);
    expect((await files.counts()).members).toBe(1);
    expect(sent).toEqual([
      ['store.reloaded', {}],
      ['settings.update', { lastBackupAt: NOW }],
    ]);
  });

  it('CSV files are named for the shop day and count their rows', async () => {
    const { factory, files } = setup();
    await importOrders(memoryDb(undefined, factory), [order(), order(), order({ buyer: { handle: 'mei' } })], NOW);
    const ctx = { t: translator('en'), settings: defaultSettings() };
    const members = await files.membersCsv({ ...ctx, settings: { ...ctx.settings, timeZone: 'Asia/Tokyo' } });
    expect(members).toMatchObject({ fileName: 'regulars-members-2026-11-23.csv', rows: 2 });
    const orders = await files.ordersCsv(ctx);
    expect(orders.rows).toBe(3);
    expect(new Uint8Array(await orders.blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
