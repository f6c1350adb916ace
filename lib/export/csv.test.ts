import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../store/database';
import { defaultSettings } from '../domain/settings';
import { readSettings } from '../store/settings';
import { addTag, memberIdForHandle } from '../background/members/card';
import { importOrders } from '../background/import/import-orders';
import { refreshRfmBreaks } from '../background/segments/rfm-breaks';
import { updateMember } from '../background/members/members';
import { DAY, memoryDb, NOW, order } from '../background/test-helpers';
import { translator } from '../i18n';
import { CSV_BOM, csvCell, csvLine, decimalAmount, isoDateTime, MEMBER_COLUMNS, membersCsv, ORDER_COLUMNS, ordersCsv, type CsvContext } from './csv';

const t = translator('en');

describe('CSV cells follow RFC 4180 and never run as formulas', () => {
  it.each([
    ['plain text stays bare', 'Lily Chen', 'Lily Chen'],
    ['a comma is quoted', 'Chen, Lily', '"Chen, Lily"'],
    ['a quote is doubled inside quotes', 'the "gift" buyer', '"the ""gift"" buyer"'],
    ['a line break is quoted', 'line one\nline two', '"line one\nline two"'],
    ['a CR LF is quoted', 'a\r\nb', '"a\r\nb"'],
    ['a formula gets an apostrophe', '=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a leading + is defused (a phone stays text with its +)', '+65 9123 4567', "'+65 9123 4567"],
    ['a leading - that is not a number is defused', '-2+3', "'-2+3"],
    ['a leading @ is defused', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab is defused', '\t=1', "'\t=1"],
    ['a negative amount stays a number', '-12.50', '-12.50'],
    ['an = inside the text is harmless', 'a=b', 'a=b'],
    ['nothing is an empty cell', undefined, ''],
    ['Chinese stays as it is', '王小明', '王小明'],
  ])('%s', (_name, value, want) => {
    expect(csvCell(value)).toBe(want);
  });

  it('a line ends in CRLF', () => {
    expect(csvLine(['a', 'b,c', 3])).toBe('a,"b,c",3\r\n');
  });
});

describe('money and dates as a spreadsheet reads them', () => {
  it.each([
    [12345, 'USD', '123.45'],
    [5, 'USD', '0.05'],
    [-1250, 'USD', '-12.50'],
    [0, 'USD', '0.00'],
    [500, 'JPY', '500'],
    [12345, 'KWD', '12.345'],
  ])('%i minor %s is %s', (minor, currency, want) => {
    expect(decimalAmount(minor, currency)).toBe(want);
  });

  it.each([
    [Date.UTC(2026, 10, 23, 20, 5, 9), 'Asia/Singapore', '2026-11-24T04:05:09+08:00'],
    [Date.UTC(2026, 10, 23, 20, 5, 9), 'America/New_York', '2026-11-23T15:05:09-05:00'],
    [Date.UTC(2026, 6, 1, 12), 'America/New_York', '2026-07-01T08:00:00-04:00'],
    [Date.UTC(2026, 10, 23, 20), 'Asia/Kathmandu', '2026-11-24T01:45:00+05:45'],
    [Date.UTC(2026, 10, 23, 20), 'UTC', '2026-11-23T20:00:00+00:00'],
  ])('%i in %s is %s', (ts, zone, want) => {
    expect(isoDateTime(ts, zone)).toBe(want);
  });
});

describe('members and orders CSV', () => {
  let db: RegularsDb;
  let ctx: CsvContext;
  beforeEach(async () => {
    db = memoryDb();
    await importOrders(
      db,
      [
        order({ buyer: { handle: 'lily_chen', phone: '+65 9123 4567', name: 'Lily Chen' }, amountMinor: 125_00, placedAt: NOW - 3 * DAY }),
        order({ buyer: { handle: 'lily_chen' }, amountMinor: 75_00, placedAt: NOW - 20 * DAY }),
        order({ buyer: { handle: '=cmd|calc', name: '=cmd|calc' }, platform: 'shopee', orderNo: '-1', currency: 'JPY', amountMinor: 4200 }),
        order({ buyer: { handle: 'mei', email: 'mei@example.com', name: '王, 美' }, status: 'refunded' }),
      ],
      NOW,
    );
    const lily = (await memberIdForHandle(db, 'demo', 'lily_chen'))!;
    await addTag(db, lily, 'gift buyer', NOW);
    await addTag(db, lily, 'size M', NOW);
    await updateMember(db, (await memberIdForHandle(db, 'demo', 'mei'))!, { doNotContact: true }, NOW);
    await refreshRfmBreaks(db, NOW);
    ctx = { t, settings: { ...(await readSettings(db)), timeZone: 'Asia/Singapore' }, now: NOW };
  });

  const parse = ({ parts, rows }: { parts: string[]; rows: number }) => {
    const text = parts.join('');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const data = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(data).toHaveLength(rows + 1);
    return data;
  };

  it('the members CSV has a BOM, a header and one line per member, do-not-contact flagged', async () => {
    const rows = parse(await membersCsv(db, ctx));
    expect(rows[0]).toEqual(MEMBER_COLUMNS.map((k) => t(k)));
    expect(rows).toHaveLength(1 + (await db.members.count()));
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('Lily Chen')).toEqual([
      'Lily Chen',
      'lily_chen (Demo Market)',
      "'+65 9123 4567",
      '',
      'Silver',
      'gift buyer; size M',
      expect.not.stringMatching(/^$|Not scored/),
      '2',
      '200.00',
      '100.00',
      'USD',
      isoDateTime(NOW - 20 * DAY, 'Asia/Singapore'),
      isoDateTime(NOW - 3 * DAY, 'Asia/Singapore'),
      '', // points: the shop does not use them
      'no',
    ]);
    expect(byName.get('王, 美')).toMatchObject({ 3: 'mei@example.com', 14: 'yes' });
    expect(byName.get("'=cmd|calc")).toMatchObject({ 1: "'=cmd|calc (Shopee)" });
  });

  it('with points on, each member’s balance is in the file', async () => {
    const rows = parse(await membersCsv(db, { ...ctx, settings: { ...ctx.settings, points: { enabled: true, perUnit: 2 } } }));
    const column = MEMBER_COLUMNS.indexOf('export.members.points');
    expect(rows.slice(1).find((r) => r[0] === 'Lily Chen')?.[column]).toBe('400');
  });

  it('the orders CSV has one line per order, amounts in each currency, dates in the shop time zone', async () => {
    const rows = parse(await ordersCsv(db, ctx));
    expect(rows[0]).toEqual(ORDER_COLUMNS.map((k) => t(k)));
    expect(rows).toHaveLength(1 + 4);
    const jpy = rows.find((r) => r[5] === 'JPY')!;
    expect(jpy).toEqual(['Shopee', '-1', "'=cmd|calc", 'Delivered', '4200', 'JPY', isoDateTime(NOW - 10 * DAY, 'Asia/Singapore'), '', '', '']);
    expect(rows.find((r) => r[2] === 'mei')?.[3]).toBe('Refunded');
  });

  it('headers follow the language', async () => {
    const rows = parse(await ordersCsv(db, { ...ctx, t: translator('zh-CN') }));
    expect(rows[0]![1]).toBe('订单号');
  });

  it('without RFM cut points a member is "Not scored yet"', async () => {
    const rows = parse(await membersCsv(db, { ...ctx, settings: { ...defaultSettings(), rfmBreaks: null } }));
    expect(rows.slice(1).every((r) => r[6] === 'Not scored yet')).toBe(true);
  });
});
