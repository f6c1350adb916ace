// What a page's first script (its early.ts, which asks the background before the page's code loads)
// hands to the page's code (main.tsx): on the global object, not as exports, because importing the
// entry from the page would run it again (and the popup's page chunk is shared with other pages).

/** The hand-over of the `entry` page (its folder under entrypoints/) under one global name. */
export function earlyHandoff<T>(key: string, entry: 'popup' | 'reports') {
  const slot = globalThis as Record<string, unknown>;
  return {
    handOver: (value: T) => void (slot[key] = value),
    takeOver(): T {
      const value = slot[key] as T | undefined;
      if (!value) throw new Error(`The ${entry} page loads entrypoints/${entry}/early.ts first; main.tsx alone cannot open it.`);
      return value;
    },
  };
}
