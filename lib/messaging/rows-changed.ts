// A nudge from the background to the extension's pages: rows of these tables were committed (a
// colleague's edit that team sync wrote, another page's edit). A page showing them asks again
// through the protocol; the nudge carries no data.
import { z } from 'zod';

export const rowsChangedSchema = z.object({ regulars: z.literal('rowsChanged'), tables: z.array(z.string()).max(64) });
export type RowsChanged = z.infer<typeof rowsChangedSchema>;

/** Calls `listener` when a nudge names one of `tables`. Returns the function that stops it. */
export function onRowsChanged(tables: readonly string[], listener: () => void): () => void {
  // Returns nothing: this listener never answers a message (the background's router does).
  const handler = (message: unknown): undefined => {
    const nudge = rowsChangedSchema.safeParse(message);
    if (nudge.success && nudge.data.tables.some((t) => tables.includes(t))) listener();
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
