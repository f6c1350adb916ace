import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../export/csv';
import { segmentCsv } from './segment-file';
import { translator } from '../../i18n';
import type { RegularsDb } from '../../store/database';
import { updateMember } from '../members/members';
import { bulkTag, deleteSegment, listSegments, logContacts, memberHistory, saveSegment, segmentMemberIds, storeRfmOverview } from './segments';
import { readSettings } from '../../store/settings';
import { addTag, memberIdForHandle } from '../members/card';
import { importOrders } from '../import/import-orders';
import { refreshRfmBreaks } from './rfm-breaks';
import { DAY, memoryDb, NOW, order } from '../test-helpers';

const t = translator('en');
let db: RegularsDb;
const id = async (handle: string) => (await memberIdForHandle(db, 'demo', handle))!;

// Five buyers: gold lapsed (x2, one do-not-contact), gold recent, silver lapsed, one-order new buyer.
beforeEach(async () => {
  db = memoryDb();
  const many = (handle: string, count: number, lastDaysAgo: number, amount = 12_000) =>
    Array.from({ length: count }, (_, i) => order({ buyer: { handle, name: handle, phone: `+659${String(lastDaysAgo).padStart(7, '0')}` }, amountMinor: amount, placedAt: NOW - (lastDaysAgo + i * 10) * DAY }));
  await importOrders(db, [...many('gold_gone', 5, 120), ...many('gold_dnc', 6, 95), ...many('gold_here', 5, 10), ...many('silver_gone', 2, 200), ...many('newbie', 1, 3, 500)], NOW);
  await updateMember(db, await id('gold_dnc'), { doNotContact: true }, NOW);
  await refreshRfmBreaks(db, NOW);
});

const GOLD_LAPSED = { tiers: ['gold'], lastOrder: { kind: 'atLeastDaysAgo', days: 90 } };

describe('saved segments', () => {
  it('a saved segment gives its members now, for reminders to use as an audience', async () => {
    const saved = await saveSegment(db, { name: 'Gold, no order in 90 days', filter: GOLD_LAPSED }, NOW);
    expect(await segmentMemberIds(db, saved.id, NOW)).toEqual(new Set([await id('gold_gone'), await id('gold_dnc')]));
    // Time moves on: 30 days later gold_here is not lapsed yet (last order 40 days ago).
    expect((await segmentMemberIds(db, saved.id, NOW + 30 * DAY)).has(await id('gold_here'))).toBe(false);
    expect((await segmentMemberIds(db, saved.id, NOW + 80 * DAY)).has(await id('gold_here'))).toBe(true);
  });

  it('names are unique (case-insensitively); saving with the id overwrites', async () => {
    const first = await saveSegment(db, { name: 'Lapsed gold', filter: GOLD_LAPSED }, NOW);
    await expect(saveSegment(db, { name: 'lapsed  GOLD', filter: {} }, NOW)).rejects.toThrow(/already exists/);
    const renamed = await saveSegment(db, { id: first.id, name: 'Lapsed gold (90d)', filter: { tiers: ['gold'] } }, NOW + 1);
    expect(renamed).toMatchObject({ id: first.id, createdAt: NOW, updatedAt: NOW + 1 });
    expect((await listSegments(db)).map((s) => s.name)).toEqual(['Lapsed gold (90d)']);
    expect(await deleteSegment(db, first.id)).toBe(true);
    await expect(segmentMemberIds(db, first.id, NOW)).rejects.toThrow(/No saved segment/);
  });

  it('a segment on platforms holds the members with a handle there, with the rest of the filter', async () => {
    const { linkHandle } = await import('../members/members');
    await linkHandle(db, await id('gold_gone'), 'shopee', 'gone.sg', NOW);
    await linkHandle(db, await id('gold_here'), 'shopee', 'here.sg', NOW);
    await linkHandle(db, await id('newbie'), 'etsy', 'newbie-etsy', NOW);
    const on = async (filter: object) => segmentMemberIds(db, (await saveSegment(db, { name: JSON.stringify(filter), filter }, NOW)).id, NOW);
    expect(await on({ platforms: ['shopee'] })).toEqual(new Set([await id('gold_gone'), await id('gold_here')]));
    expect(await on({ ...GOLD_LAPSED, platforms: ['shopee', 'etsy'] })).toEqual(new Set([await id('gold_gone')]));
    expect((await on({ platforms: ['demo'] })).size).toBe(5);
    expect(await on({ platforms: ['lazada'] })).toEqual(new Set());
  });

  it('a bad filter is refused with what is wrong', async () => {
    await expect(saveSegment(db, { name: 'Bad', filter: { spend: { min: 500, max: 100 } } }, NOW)).rejects.toThrow(/spend.*lower bound/);
    await expect(saveSegment(db, { name: '  ', filter: {} }, NOW)).rejects.toThrow(/needs a name/);
  });
});

describe('bulk tags and the overview', () => {
  it('tags many members at once, once each, and counts them in the vocabulary', async () => {
    const ids = [await id('gold_gone'), await id('gold_here'), await id('newbie')];
    await addTag(db, ids[0]!, 'Win-back', NOW);
    expect(await bulkTag(db, ids, 'win-back', true, NOW)).toBe(2);
    for (const m of await db.members.bulkGet(ids)) expect(m!.tags.filter((x) => x.toLowerCase() === 'win-back')).toHaveLength(1);
    expect((await db.tags.get('Win-back'))?.count).toBe(3);
    expect(await bulkTag(db, ids, 'WIN-BACK', false, NOW)).toBe(3);
    expect((await db.members.bulkGet(ids)).every((m) => m!.tags.length === 0)).toBe(true);
    expect((await db.tags.get('Win-back'))?.count).toBe(0);
  });

  it('the overview counts every member once and the revenue shares add up to 1', async () => {
    const { total, groups } = await storeRfmOverview(db, NOW);
    expect(total).toBe(5);
    expect(groups.reduce((s, g) => s + g.members, 0)).toBe(5);
    expect(groups.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1);
  });
});

describe('segment export', () => {
  const columns = ['export.members.name', 'export.members.tier', 'export.members.lastOrder'] as const;
  const rowsOf = (parts: string[]) => {
    const text = parts.join('');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  };

  it('do-not-contact members are never exported; the chosen columns come in order, plus the flag', async () => {
    const ctx = { t, settings: await readSettings(db), now: NOW };
    const file = await segmentCsv(db, GOLD_LAPSED as never, columns, ctx);
    const rows = rowsOf(file.parts);
    expect(rows[0]).toEqual(['Name', 'Tier', 'Last order', 'Contacted recently']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['gold_gone']);
    expect(file).toMatchObject({ doNotContact: 1, flagged: 0, memberIds: [await id('gold_gone')], capHours: 24 });
  });

  it('members contacted within the frequency cap are exported, flagged; older contacts are not flagged', async () => {
    const everyone = {};
    await logContacts(db, [await id('gold_gone')], 'sms', 'Campaign: spring', NOW - 2 * 3_600_000);
    await logContacts(db, [await id('newbie')], 'sms', 'Campaign: winter', NOW - 30 * 3_600_000);
    const ctx = { t, settings: await readSettings(db), now: NOW };
    const file = await segmentCsv(db, everyone, ['export.members.name'], ctx);
    const flags = new Map(rowsOf(file.parts).slice(1).map((r) => [r[0], r[1]]));
    expect(flags).toEqual(new Map([['gold_gone', 'yes'], ['gold_here', ''], ['silver_gone', ''], ['newbie', '']]));
    // The shop's own cap (the reminders' setting) is honoured: 48 h reaches the 30-hour-old contact.
    await db.settings.put({ key: 'frequencyCapHours', value: 48 });
    const wider = await segmentCsv(db, everyone, ['export.members.name'], ctx);
    expect(wider).toMatchObject({ flagged: 2, capHours: 48 });
  });

  it('"the campaign was sent" logs one contact per exported member, seen in the member history', async () => {
    const ctx = { t, settings: await readSettings(db), now: NOW };
    const file = await segmentCsv(db, GOLD_LAPSED as never, columns, ctx);
    expect(await logContacts(db, file.memberIds, 'line', 'Campaign: Lapsed gold', NOW)).toBe(1);
    const history = await memberHistory(db, await id('gold_gone'));
    expect(history.contacts).toMatchObject([{ channel: 'line', reason: 'Campaign: Lapsed gold', at: NOW }]);
    expect((await memberHistory(db, await id('gold_dnc'))).contacts).toEqual([]);
    // Exported again right away: now flagged.
    expect((await segmentCsv(db, GOLD_LAPSED as never, columns, { ...ctx, now: NOW + 1 })).flagged).toBe(1);
  });
});
