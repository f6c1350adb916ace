// The names of the BroadcastChannels the store's change stream (lib/store/changes.ts) posts every
// committed write to, so that extension contexts hear of writes made in another context.
export const STORE_CHANGES_CHANNEL = 'regulars-store-changes';

/**
 * The same writes with only the tables they touched (ChangedTables), for the pages that redraw when
 * a table changed (lib/messaging/store-events.ts). The full change carries every key written: an
 * import's batch is thousands of them, and each page that heard it read them all (some 20 MB of
 * garbage in the options page per 30 s of a big import, with nothing in it the page used).
 */
export const STORE_TABLES_CHANNEL = 'regulars-store-tables';

/** What a page needs of a change: which tables it wrote (and in which database: tests open several). */
export interface ChangedTables {
  db?: string | undefined;
  tables: readonly { table: string }[];
}
