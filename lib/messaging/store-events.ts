// A page hears that the store changed (an import in the options page, a teammate's edit through
// sync) from the change stream's BroadcastChannel of touched tables, without opening the store: it
// then asks the background again and redraws in place.
import { STORE_TABLES_CHANNEL, type ChangedTables } from '../domain/change-channel';

/** The tables a member's card is read from: a write to any of them may change what a card shows. */
export const MEMBER_CARD_TABLES: readonly string[] = ['members', 'identities', 'orders', 'notes', 'contacts', 'reminders', 'points', 'tierChanges', 'settings'];

/**
 * Calls `listener` once per burst of writes touching any of `tables` (an import writes in many
 * batches: one call `quietMs` after the last). Returns the function that stops listening.
 */
export function onStoreChanged(tables: readonly string[], listener: () => void, quietMs = 300): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(STORE_TABLES_CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  channel.onmessage = (event: MessageEvent<ChangedTables>) => {
    if (!event.data?.tables?.some((t) => tables.includes(t.table))) return;
    clearTimeout(timer);
    timer = setTimeout(listener, quietMs);
  };
  return () => {
    clearTimeout(timer);
    channel.close();
  };
}
