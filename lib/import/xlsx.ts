// The first worksheet of an .xlsx as rows of text. Runs in a Web Worker (no DOMParser): the
// workbook's XML parts are read with a small tolerant scanner, which is all order exports need —
// shared and inline strings, numbers, booleans, and dates stored as serial numbers in date-styled
// cells (returned as "2026-03-04 13:05:00", wall-clock time for the preset to place in the shop's zone).
import { unzipSync } from 'fflate';

/** .xlsx (and every OOXML file) is a zip: "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Attributes of one tag, names without their namespace prefix ("r:id" → "id"). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.replace(/^[\w.-]+:/, '');
    out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** Every element `<name …>…</name>` or `<name …/>` (any namespace prefix) with its attributes and inner XML. */
function* elements(xml: string, name: string): Generator<{ attrs: Record<string, string>; inner: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: attributes(m[1] ?? ''), inner: m[2] ?? '' };
}

/** The text of a string item: its <t> runs, leaving out phonetic guides (<rPh>). */
function stringText(inner: string): string {
  const withoutPhonetic = inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, '');
  let text = '';
  for (const t of elements(withoutPhonetic, 't')) text += decodeXml(t.inner);
  return text;
}

function firstText(inner: string, name: string): string | undefined {
  for (const e of elements(inner, name)) return decodeXml(e.inner);
  return undefined;
}

// Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the East Asian ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code is a date when, outside quotes, escapes and [brackets], it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return !/^general$/i.test(bare.trim()) && /[dmyhs]/i.test(bare);
}

/** Which cell styles (the s="…" index) show dates. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
  const cellXfs = elements(stylesXml, 'cellXfs').next().value;
  if (!cellXfs) return out;
  let i = 0;
  // <xf> inside cellXfs, self-closing or not; count every one so indexes stay right.
  for (const m of cellXfs.inner.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)(\/)?>/g)) {
    const id = Number(attributes(m[1] ?? '').numFmtId ?? '0');
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(i);
    i++;
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date serial (days since 1899-12-30, or since 1904-01-01) as "YYYY-MM-DD[ HH:MM:SS]". */
export function serialToText(serial: number, date1904 = false): string {
  const days = serial + (date1904 ? 1462 : 0);
  const ms = Math.round((days - 25569) * 86_400_000 / 1000) * 1000;
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (ms % 86_400_000 === 0 && Number.isInteger(serial)) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "B12" → column 1 (0-based); undefined for a reference without letters. */
function columnIndex(ref: string): number | undefined {
  const m = /^([A-Z]+)\d*$/i.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Joins a relationship target to the folder of the part that points to it. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** Rows of the workbook's first worksheet; blank rows kept (as []) so indexes match row numbers - 1. */
export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('the zip inside is damaged');
  }
  const utf8 = new TextDecoder('utf-8');
  const part = (path: string): string | undefined => {
    const found = files[path] ?? Object.entries(files).find(([name]) => name.toLowerCase() === path.toLowerCase())?.[1];
    return found ? utf8.decode(found) : undefined;
  };

  const workbook = part('xl/workbook.xml');
  if (!workbook) throw new Error('it has no xl/workbook.xml');
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);
  let sheetPath: string | undefined;
  const rels = part('xl/_rels/workbook.xml.rels');
  const relations = new Map<string, { target: string; type: string }>();
  if (rels) for (const r of elements(rels, 'Relationship')) relations.set(r.attrs.Id ?? '', { target: r.attrs.Target ?? '', type: r.attrs.Type ?? '' });
  for (const sheet of elements(workbook, 'sheet')) {
    const rel = relations.get(sheet.attrs.id ?? '');
    if (rel && /worksheet$/i.test(rel.type)) {
      sheetPath = resolvePath('xl', rel.target);
      break;
    }
  }
  const sheetXml = part(sheetPath ?? 'xl/worksheets/sheet1.xml') ?? part('xl/worksheets/sheet1.xml');
  if (!sheetXml) throw new Error('it has no worksheet');

  const shared: string[] = [];
  const sharedXml = part('xl/sharedStrings.xml');
  if (sharedXml) for (const si of elements(sharedXml, 'si')) shared.push(stringText(si.inner));
  const dates = dateStyles(part('xl/styles.xml'));

  const rows: string[][] = [];
  const sheetData = elements(sheetXml, 'sheetData').next().value?.inner ?? '';
  for (const row of elements(sheetData, 'row')) {
    const rowNumber = row.attrs.r ? Number(row.attrs.r) : rows.length + 1;
    while (rows.length < rowNumber - 1) rows.push([]);
    const cells: string[] = [];
    for (const c of elements(row.inner, 'c')) {
      const at = (c.attrs.r ? columnIndex(c.attrs.r) : undefined) ?? cells.length;
      while (cells.length < at) cells.push('');
      cells[at] = cellText(c.attrs, c.inner, shared, dates, date1904);
    }
    rows[rowNumber - 1] = cells;
  }
  return rows;
}

function cellText(attrs: Record<string, string>, inner: string, shared: string[], dates: Set<number>, date1904: boolean): string {
  const type = attrs.t ?? 'n';
  if (type === 'inlineStr') {
    const is = elements(inner, 'is').next().value;
    return is ? stringText(is.inner) : '';
  }
  const v = firstText(inner, 'v');
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'e':
    case 'd':
      return v;
    default: {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) return v;
      if (dates.has(Number(attrs.s ?? '0'))) return serialToText(n, date1904);
      // "6.0123456789E10" is how a long number may be stored; write it out as people would.
      return /e/i.test(v) ? String(n) : v;
    }
  }
}
