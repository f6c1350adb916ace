import { describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from './settings';
import { memoryDb } from './test-helpers';

describe('settings held in memory', () => {
  it('stay held while other rows of the table are written (the notified time, the report), and follow a setting written by any writer', async () => {
    const db = memoryDb(undefined, undefined, 'settings-held');
    await writeSettings(db, { lapseDays: 90 });
    const first = await readSettings(db);
    let read = 0;
    db.settings.hook('reading', (row) => (row && read++, row));
    await db.settings.put({ key: 'remindersNotifiedThrough', value: 1 });
    await db.settings.put({ key: 'reportSnapshot', value: { big: 'x'.repeat(1000) } });
    expect(await readSettings(db)).toBe(first);
    expect(read).toBe(0);
    // As team sync or a restore writes one: not through writeSettings.
    await db.settings.put({ key: 'lapseDays', value: 120 });
    expect((await readSettings(db)).lapseDays).toBe(120);
    // The settings' own rows only: not the report snapshot beside them.
    expect(read).toBe(1);
    db.close();
  });
});
