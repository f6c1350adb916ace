// Tells the extension's open pages which tables changed, at most once per `everyMs`: the panel
// beside a chat shows a colleague's tag or note as soon as team sync has written it, without a reload.
import { onCommitted } from '../store/changes';
import type { RowsChanged } from '../messaging/rows-changed';

export function nudgePagesOnChange(dbName: string, post: (nudge: RowsChanged) => Promise<unknown>, everyMs = 300): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = onCommitted((change) => {
    if (change.db !== dbName) return;
    for (const t of change.tables) pending.add(t.table);
    timer ??= setTimeout(() => {
      timer = undefined;
      const tables = [...pending];
      pending.clear();
      // No page open is no listener: nothing to tell.
      void post({ regulars: 'rowsChanged', tables }).catch(() => undefined);
    }, everyMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
