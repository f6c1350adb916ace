import { describe, expect, it } from 'vitest';
import { JOURNEYS_KEY } from '../domain/journey-settings';
import { readJourneySettings, writeJourneySettings } from './journey-settings';
import { writeSettings } from './settings';
import { memoryDb } from './test-helpers';

describe('journey rules held in memory', () => {
  it('are read once while other settings rows are written, and follow a write of the rules or the shop language by any writer', async () => {
    const db = memoryDb(undefined, undefined, 'journeys-held');
    await writeJourneySettings(db, { rules: { birthday: { enabled: false } } });
    const first = await readJourneySettings(db);
    let read = 0;
    db.settings.hook('reading', (row) => (row && read++, row));
    await db.settings.put({ key: 'remindersNotifiedThrough', value: 1 });
    await writeSettings(db, { lapseDays: 120 });
    expect(await readJourneySettings(db)).toBe(first);
    expect(read).toBe(0);
    // As team sync writes the team's rules: not through writeJourneySettings.
    await db.settings.put({ key: JOURNEYS_KEY, value: { rules: { birthday: { enabled: true } } } });
    expect((await readJourneySettings(db)).rules.birthday.enabled).toBe(true);
    await writeSettings(db, { locale: 'zh-CN' });
    expect(await readJourneySettings(db)).not.toBe(first);
    db.close();
  });
});
