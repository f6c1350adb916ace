// What `orders.import` accepts: a batch's rows as objects (order capture, the bench), or as one JSON
// string (an import's batches: the file reader makes it on its own thread, the options page passes
// it on untouched, and the background parses it once, cheaper than carrying thousands of objects).
// Either way the rows are validated alike, and the handler receives them as objects.
import { z } from 'zod';
import { IMPORT_BATCH, importedOrderSchema, type ImportedOrder } from '../domain/imported-order';

const importRows = z.array(importedOrderSchema).max(IMPORT_BATCH);

/** The most characters a batch's JSON may have: 5,000 orders of a few kB each. */
export const ROWS_JSON_MAX = 64_000_000;

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const importRequestSchema = z
  .object({
    rows: importRows.optional(),
    /** The rows as one JSON string, instead of `rows`. */
    rowsJson: z.string().max(ROWS_JSON_MAX).optional(),
    /** Batches of one file share a session, so the store is not read again for every batch. */
    session: z.string().min(8).max(64).optional(),
  })
  .transform(({ rows, rowsJson, session }, ctx) => {
    const request: { rows: ImportedOrder[]; session?: string } = { rows: rows ?? [] };
    if (session !== undefined) request.session = session;
    if (rowsJson === undefined) {
      if (!rows) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'rows or rowsJson is required', input: rows });
      return request;
    }
    const parsed = importRows.safeParse(parsedJson(rowsJson));
    // The same issues as for `rows` given as objects, at the same paths (the refusal says which row and field).
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['rows', ...issue.path] } as Parameters<typeof ctx.addIssue>[0] & object);
    else request.rows = parsed.data;
    return request;
  });
