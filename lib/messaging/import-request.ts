// What `orders.import` accepts: a batch's rows as objects (order capture, the bench), or as one JSON
// string (an import's batches: the file reader makes it on its own thread, the options page passes
// it on untouched). The router checks the JSON batch is a string; the background parses and
// validates it with `importRowsOf` (the same rules and refusals as rows given as objects), unless it
// is a batch it stored before, byte for byte, which needs neither (background/import/known-batches.ts).
import { z } from 'zod';
import { issueReason, type Reason } from '../domain/reason';
import { IMPORT_BATCH, importedOrderSchema, type ImportedOrder } from '../domain/imported-order';
import { describeIssues } from './issues';

const importRows = z.array(importedOrderSchema).max(IMPORT_BATCH);

/** The most characters a batch's JSON may have: IMPORT_BATCH orders of many kB each. */
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
    /** The rows as one JSON string, instead of `rows`: validated by `importRowsOf`. */
    rowsJson: z.string().max(ROWS_JSON_MAX).optional(),
    /** Batches of one file share a session, so the store is not read again for every batch. */
    session: z.string().min(8).max(64).optional(),
  })
  .superRefine(({ rows, rowsJson }, ctx) => {
    if (rows === undefined && rowsJson === undefined) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'rows or rowsJson is required', input: rows });
  });

/** A batch refused: the router answers it as an invalid request, with the reason (its code). */
export class InvalidRows extends Error {
  readonly code = 'invalid';
  constructor(
    message: string,
    readonly reason: Reason,
  ) {
    super(message);
    this.name = 'InvalidRows';
  }
}

/** The rows of a JSON batch, validated as `rows` given as objects are; refused with the same message and reason. */
export function importRowsOf(rowsJson: string, name = 'orders.import'): ImportedOrder[] {
  const parsed = importRows.safeParse(parsedJson(rowsJson));
  if (parsed.success) return parsed.data;
  // The same issues as for `rows` given as objects, at the same paths (the refusal says which row and field).
  const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ['rows', ...issue.path] }));
  throw new InvalidRows(`${name}: ${describeIssues(issues)}`, issueReason(issues[0]!));
}
