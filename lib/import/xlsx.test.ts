import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from './read-export';
import { decodeXml, isDateFormat, isZip, readXlsx, serialToText } from './xlsx';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

function workbook(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([path, text]) => [path, strToU8(text)])));
}

/** A workbook whose first sheet (in workbook.xml order) is sheet2.xml, the way Excel keeps a moved sheet. */
const BOOK = workbook({
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="orders" sheetId="2" r:id="rId2"/><sheet name="notes" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  'xl/sharedStrings.xml': `<sst ${NS} count="4" uniqueCount="4"><si><t>Order ID</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Buyer </t></r><r><t>&amp; note</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>Fish &lt;&#x41;&#66;&gt; &quot;q&quot;</t></si></sst>`,
  'xl/styles.xml': `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd hh:mm"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"><alignment horizontal="left"/></xf><xf numFmtId="4"/></cellXfs></styleSheet>`,
  'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
  'xl/worksheets/sheet2.xml': `<worksheet ${NS}><dimension ref="A1:F4"/><cols><col min="1" max="6"/></cols><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
    <row r="3" spans="1:6"><c r="A3"><v>240304001</v></c><c r="B3" s="1"><v>46085</v></c><c r="C3" s="2"><v>46085.545138888891</v></c><c r="D3" s="3"><v>1234.5</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>
    <row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>6.0123456789E10</v></c><c r="C4" t="str"><f>A1&amp;"x"</f><v>Order IDx</v></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" t="s"><v>3</v></c><c r="F4"/></row>
  </sheetData></worksheet>`,
});

describe('reading the first worksheet of an .xlsx', () => {
  it('knows a zip by its magic', () => {
    expect(isZip(BOOK)).toBe(true);
    expect(isZip(new TextEncoder().encode('Order ID,Buyer'))).toBe(false);
  });

  it('reads the first sheet in workbook order, with gaps in rows and columns kept, every kind of cell as text', () => {
    expect(readXlsx(BOOK)).toEqual([
      ['Order ID', '', 'Buyer & note'],
      [],
      ['240304001', '2026-03-04', '2026-03-04 13:05:00', '1234.5', 'TRUE', 'inline'],
      ['東京', '60123456789', 'Order IDx', '#N/A', 'Fish <AB> "q"', ''],
    ]);
  });

  it.each([
    ['yyyy-mm-dd', true],
    ['[$-409]d-mmm-yy;@', true],
    ['h:mm AM/PM', true],
    ['"RM"#,##0.00', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['General', false],
    ['0.00"days"', false],
    ['@', false],
  ])('format %s is a date: %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });

  it.each([
    [46085, false, '2026-03-04'],
    [46085.5, false, '2026-03-04 12:00:00'],
    [44623, true, '2026-03-04'],
    [46085.99999, false, '2026-03-04 23:59:59'],
    [46085.999999, false, '2026-03-05 00:00:00'], // rounded to the second
  ])('date serial %s (1904 system: %s) reads as %s', (serial, date1904, text) => {
    expect(serialToText(serial, date1904)).toBe(text);
  });

  it('decodes the XML entities exports use', () => {
    expect(decodeXml('a &amp; b &lt;c&gt; &#20013;&#x6587; &apos;x&apos; &unknown;')).toBe("a & b <c> 中文 'x' &unknown;");
  });

  it('reads a workbook that prefixes every element (x:row, x:c) and uses the 1904 date system', () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const book = workbook({
      'xl/workbook.xml': `<x:workbook ${x}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1" xmlns:r="r"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${REL}" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/styles.xml': `<x:styleSheet ${x}><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="22"/></x:cellXfs></x:styleSheet>`,
      'xl/worksheets/sheet1.xml': `<x:worksheet ${x}><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c s="1"><x:v>44623.25</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect(readXlsx(book)).toEqual([['a', '2026-03-04 06:00:00']]);
  });

  it.each([
    ['a zip that is not a workbook', workbook({ 'hello.txt': 'hi' }), /no xl\/workbook\.xml/],
    ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), /damaged/],
  ])('%s is refused with a reason', (_name, bytes, reason) => {
    expect(() => readXlsx(bytes)).toThrow(reason);
    const r = readOrderExport(bytes, 'orders.xlsx', { timeZone: 'UTC', currency: 'USD' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/orders\.xlsx is not an Excel workbook Regulars can read/);
  });
});
