import { describe, expect, it } from 'vitest';
import { columnValues, parseRecords, tableFromRows } from './table';

// A short export of many columns whose ID and time cells end in a tab (TikTok Shop writes them so).
const header = Array.from({ length: 30 }, (_v, i) => `Column ${i + 1}`).join(',');
const row = (id: string) => [`${id}\t`, `${id}1\t`, '03/04/2026 1:05:33 PM\t', ...Array.from({ length: 27 }, () => 'x')].join(',');

describe('the delimiter of a delimited file', () => {
  it.each([
    ['with a line break after its last row', '\n'],
    ['with a CRLF after its last row', '\r\n'],
    ['without a line break at the end', ''],
  ])('a two-row export whose cells end in tabs is comma-separated, %s', (_name, end) => {
    const { delimiter, records } = parseRecords([header, row('578'), row('579')].join('\n') + end);
    expect(delimiter).toBe(',');
    expect(records[1]).toHaveLength(30);
    expect(records[2]![0]).toBe('579\t');
  });

  it('a tab-separated report is still read as one (Amazon)', () => {
    expect(parseRecords('order-id\tpurchase-date\tbuyer-email\n111-1\t2026-03-04\ta@example.com\n').delimiter).toBe('\t');
  });
});

describe("a column's distinct values, for the mapping", () => {
  it('counts empty cells under "" and leaves out a column with nothing but empty cells', () => {
    const table = tableFromRows([['Order', 'State', 'Note'], ['1', 'Paid', ''], ['2', '', ''], ['3', ' ', ''], ['4', 'Paid', '']], '', (cells) => cells[0] === 'Order');
    const values = columnValues(table);
    expect(values['State']).toEqual([
      ['Paid', 2],
      ['', 2],
    ]);
    expect(values['Note']).toBeUndefined();
  });
});
