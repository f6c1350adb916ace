// Big exports, a chunk at a time: a 200 MB file never sits in memory whole. Text is decoded as a
// stream, cut only at record boundaries (a newline outside quotes), parsed per chunk, mapped by the
// preset, and handed over in batches; the next chunk is read only when the batch is stored.
import type { Platform } from '../domain/rows';
import type { Encoding } from './decode';
import { IMPORT_BATCH, type ImportedOrder } from '../domain/imported-order';
import { genericPreset } from './generic';
import { detectPreset } from './presets';
import type { ImportPreset, ImportProblem } from './presets/types';
import { headerTest, unknownHeaders, type ReadOptions } from './read-export';
import { columnOf, HEADER_SEARCH_ROWS, parseRecords, tableFromRows, type Table } from './table';
import { refused, refusedAs, RefusedError, unreadable, type Refusal } from './problem';

export interface StreamProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export type StreamResult =
  | { ok: true; preset: ImportPreset; platform: Platform; encoding: Encoding; rowCount: number; orderCount: number; problemCount: number }
  | { ok: false; refusal: Refusal; message: string };

const refusing = (refusal: Refusal): StreamResult => ({ ok: false, refusal, message: refusal.message });

/**
 * Splits text into complete records: returns [complete, rest]. A line end (LF, CRLF, or a lone CR:
 * files mix them) ends a record only outside double quotes (RFC 4180), so quoted multi-line fields
 * are never cut. A CR at the very end waits: the LF of its CRLF may come in the next piece.
 */
export function cutAtRecord(text: string, inQuotesAtStart = false): [string, string, boolean] {
  let inQuotes = inQuotesAtStart;
  let lastBoundary = -1;
  let quotesAtBoundary = inQuotesAtStart;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) !== 10))) {
      lastBoundary = i;
      quotesAtBoundary = inQuotes;
    }
  }
  return lastBoundary < 0 ? ['', text, inQuotesAtStart] : [text.slice(0, lastBoundary + 1), text.slice(lastBoundary + 1), quotesAtBoundary];
}

// A piece parsed at once: its cells are strings of their own, each row an array, so its heap is many
// times its text (a 200 MB Shopify export's import worker peaked at 60-80 MB in use with 1M-character
// pieces). What lives in the worker as it parses sets how far its heap grows between full collections:
// with 500k-character pieces its heap held 124-137 MB through a 60 MB import, with 100k 77-84 MB.
const CHUNK_CHARS = 100_000;

/** Decoded text of a byte stream, with how many bytes were read so far. */
export async function* decodedChunks(stream: ReadableStream<Uint8Array>, encoding: Encoding): AsyncIterable<{ text: string; bytes: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder(encoding);
  let bytes = 0;
  let first = true;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.length;
    let text = decoder.decode(value, { stream: true });
    if (first) text = text.replace(/^\uFEFF/, '');
    first = false;
    yield { text, bytes };
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, bytes };
}

/** How the text is cut: characters read a piece, orders a batch (at most IMPORT_BATCH, what the store takes). */
export interface StreamSizes {
  chunkChars?: number;
  batchOrders?: number;
}

export async function streamOrderExport(
  chunks: AsyncIterable<{ text: string; bytes: number }>,
  fileName: string,
  options: ReadOptions & { encoding: Encoding },
  totalBytes: number,
  onBatch: (orders: ImportedOrder[], problems: ImportProblem[], progress: StreamProgress) => Promise<void>,
  { chunkChars = CHUNK_CHARS, batchOrders = IMPORT_BATCH }: StreamSizes = {},
): Promise<StreamResult> {
  let buffer = '';
  let headers: string[] | undefined;
  let delimiter = ',';
  let preset: ImportPreset | undefined;
  let platform: Platform | undefined;
  let rowCount = 0;
  let nextLine = 1; // the line number of the next piece's first record
  let orderCount = 0;
  let problemCount = 0;
  let bytes = 0;
  let pending: ImportedOrder | undefined; // the last order of a chunk may go on in the next one
  const out: ImportedOrder[] = [];
  const outProblems: ImportProblem[] = [];

  const emit = async (all: boolean) => {
    while (out.length >= batchOrders || (all && (out.length > 0 || outProblems.length > 0))) {
      const batch = out.splice(0, batchOrders);
      orderCount += batch.length;
      await onBatch(batch, outProblems.splice(0), { bytes, totalBytes, rows: rowCount });
    }
  };

  let carry: Table['rows'] = []; // rows of an order that goes on in the next chunk
  let orderColumn = -1;

  /** Reads a piece of whole records; false when it must wait for more (the header is not in yet). */
  const take = async (text: string, last: boolean): Promise<boolean> => {
    let rows: Table['rows'];
    // Each piece ends at a line end (but the last), which Papa reads as one more, empty, record.
    const parsed = parseRecords(text, headers ? delimiter : undefined);
    const records = /[\r\n]$/.test(text) ? parsed.records.slice(0, -1) : parsed.records;
    if (!headers) {
      const first = tableFromRows(records, parsed.delimiter, headerTest(options.mapping));
      const known = options.mapping ? columnOf(first.headers, options.mapping.orderNo) >= 0 : detectPreset(first) !== undefined;
      // The header may sit below notes (eBay) in a later piece: read on until it or the rows searched for it are in.
      if (!known && !last && records.length < HEADER_SEARCH_ROWS) return false;
      headers = first.headers;
      delimiter = first.delimiter;
      preset = options.mapping ? genericPreset(options.mapping) : detectPreset(first);
      if (!preset) throw new RefusedError(unknownHeaders(fileName, headers).refusal);
      platform = options.platform ?? preset.platform;
      // Many exports write an order's fields only on its first row (Shopify, WooCommerce, eBay…), so a
      // chunk never ends inside an order: rows are kept together by the preset's order number column.
      orderColumn = columnOf(headers, ...(preset.columns[preset.fields?.orderNo ?? ''] ?? []));
      rows = first.rows;
    } else {
      // Rows are numbered as a spreadsheet shows them, blank ones counted.
      rows = records.map((cells, i) => ({ line: nextLine + i, cells: cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''));
    }
    nextLine += records.length;
    rowCount += rows.length;
    rows = [...carry, ...rows];
    carry = [];
    if (!last && orderColumn >= 0 && rows.length > 0) {
      const key = rows[rows.length - 1]!.cells[orderColumn] ?? '';
      let cut = rows.length - 1;
      while (cut > 0 && (rows[cut - 1]!.cells[orderColumn] ?? '') === key) cut--;
      // Rows with an empty order number belong to the order above them (Shopify-style item rows).
      if (key === '') while (cut > 0 && (rows[cut - 1]!.cells[orderColumn] ?? '') === '') cut--;
      // A piece holding part of one order only is read with the next one.
      carry = rows.slice(cut);
      rows = rows.slice(0, cut);
    }
    if (rows.length === 0) return true;
    const table: Table = { headers: headers!, delimiter, rows };
    const { orders, problems } = preset!.read(table, { timeZone: options.timeZone, currency: options.currency, platform: platform! });
    // A problem with the file as a whole (no buyer column, a mapped column missing): refuse it, as a whole read would.
    const fileProblem = problems.find((p) => p.line === 0);
    if (fileProblem && orders.length === 0) throw new RefusedError(refusedAs(fileName, preset!, fileProblem));
    problemCount += problems.length;
    outProblems.push(...problems);
    if (orders.length === 0) return true;
    // Where the order column is unknown, an order split over two chunks is joined again here.
    if (pending && orders[0]!.orderNo === pending.orderNo) orders[0] = { ...pending, items: [...pending.items, ...orders[0]!.items] };
    else if (pending) out.push(pending);
    pending = orderColumn >= 0 ? undefined : orders.pop();
    out.push(...orders);
    await emit(false);
    return true;
  };

  try {
    let inQuotes = false;
    for await (const chunk of chunks) {
      bytes = chunk.bytes;
      buffer += chunk.text;
      if (buffer.length < chunkChars) continue;
      const [complete, rest, quotes] = cutAtRecord(buffer, inQuotes);
      if (!complete || !(await take(complete, false))) continue;
      buffer = rest;
      inQuotes = quotes;
    }
    if (headers || buffer.trim()) await take(buffer, true);
    if (!headers || !preset || !platform) return refusing(refused('empty', { file: fileName }));
    if (pending) out.push(pending);
    await emit(true);
    return { ok: true, preset, platform, encoding: options.encoding, rowCount, orderCount, problemCount };
  } catch (e) {
    if (e instanceof RefusedError) return refusing(e.refusal);
    const { refusal, message } = unreadable(fileName, e);
    return { ok: false, refusal, message };
  }
}
