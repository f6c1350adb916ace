// The name of the BroadcastChannel the store's change stream (lib/store/changes.ts) posts every
// committed write to, so that extension pages hear of writes made in another context.
export const STORE_CHANGES_CHANNEL = 'regulars-store-changes';

/** What a page needs of a change: which tables it wrote. */
export interface ChangedTables {
  tables: readonly { table: string }[];
}
