// Messages of a big export read by the background itself (background/import/file-import.ts): the
// options page hands over the file and asks, a few times a second, how far it got. They go by
// structured clone to the service worker (bulk-client.ts): a File crosses as a handle, not a copy.
// The file's problems and refusal are the reader's own types (lib/import), which this layer does not
// name: they cross as they are, and the page's side of it (components/stream-in-background.ts) types them.
import { z } from 'zod';
import { platformSchema } from '../domain/rows';
import { genericMappingSchema } from '../domain/settings';

/**
 * The page holds a port named this and the reading's id while the background reads its file: the
 * background takes the page as there while it is open, and as gone once it closes.
 */
export const IMPORT_HOLD_PORT = 'regulars-import-hold:';

const session = z.string().min(8).max(64);
const id = z.string().min(8).max(64);

/** What one stored batch changed: `orders.import`'s answer, and each batch's in `orders.importFileProgress`. */
export const batchResultSchema = z.object({
  orders: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
  members: z.object({ created: z.number(), updated: z.number() }),
  merges: z.array(z.object({ memberId: z.string(), identity: z.string(), by: z.enum(['phone', 'email']) })),
});

/** How a file ended: read through (what it was read as), or refused, or failed. */
const fileSummary = z.union([
  z.object({
    ok: z.literal(true),
    preset: z.object({ id: z.string(), label: z.string() }),
    platform: z.string(),
    encoding: z.string(),
    rowCount: z.number(),
    orderCount: z.number(),
    problemCount: z.number(),
  }),
  z.object({ ok: z.literal(false), refusal: z.unknown().optional(), message: z.string() }),
]);

export const importFileProtocol = {
  /**
   * Reads `file` into the import session `session`, a batch at a time. `seen`: the order-key hashes
   * (distinct-keys.ts) the session already went through, so the orders of all its files count once.
   */
  'orders.importFile': {
    request: z.object({
      id,
      session,
      file: z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob, 'a file'),
      fileName: z.string().max(1000),
      options: z.object({
        timeZone: z.string().min(1).max(100),
        currency: z.string().min(1).max(10),
        platform: platformSchema.optional(),
        encoding: z.string().max(20).optional(),
        mapping: genericMappingSchema.optional(),
      }),
      seen: z.custom<Float64Array>((v) => v instanceof Float64Array).optional(),
    }),
    response: z.object({ started: z.boolean() }),
  },
  /**
   * What was stored since the last ask: each batch's result and order count, the file's problems, how
   * far it read. Once the file is through: `done` and the session's order-key hashes. `lost`: this
   * worker does not know the read (it stopped and started again since).
   */
  'orders.importFileProgress': {
    request: z.object({ id }),
    response: z.object({
      lost: z.literal(true).optional(),
      stored: z.array(z.object({ result: batchResultSchema, orders: z.number() })),
      problems: z.array(z.unknown()),
      progress: z.object({ bytes: z.number(), totalBytes: z.number(), rows: z.number() }),
      done: fileSummary.optional(),
      seen: z.custom<Float64Array>().optional(),
    }),
  },
  /** Stops reading: the batches stored so far stay until the page cancels the session. */
  'orders.importFileStop': {
    request: z.object({ id }),
    response: z.object({ stopped: z.boolean() }),
  },
} as const;
