// Follows single-page navigation and late rendering without polling: the Navigation API for
// history changes, and a debounced MutationObserver for content that arrives after the URL.
export function watchPage(onChange: () => void, debounceMs = 60): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-handle', 'aria-current'] });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', schedule);
  window.addEventListener('popstate', schedule);
  return () => {
    observer.disconnect();
    nav?.removeEventListener('currententrychange', schedule);
    window.removeEventListener('popstate', schedule);
    if (timer) clearTimeout(timer);
  };
}
