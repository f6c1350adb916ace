// What the user does to the popup's first frame (drawn with plain DOM before React's code has loaded)
// is held, not lost: clicks and the list's keys are stopped where they land and done again, on the
// same elements, once React has taken the frame over. Tab and Shift+Tab move focus as usual, and
// Enter or Space on a button becomes its click, held like any other.

/** Keys that act by themselves (focus, the click a button makes), left to the browser. */
const PASS = new Set(['Tab', 'Enter', ' ', 'Escape', 'Shift', 'Control', 'Alt', 'Meta']);

/** Starts holding input inside `root`; the function returned stops, and replays what was held in order. */
export function holdInput(root: HTMLElement): () => void {
  const held: (() => void)[] = [];
  const onClick = (e: MouseEvent) => {
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>('button, input, summary, a, [tabindex]') : null;
    e.preventDefault();
    e.stopPropagation();
    if (target) held.push(() => target.click());
  };
  const onKey = (e: KeyboardEvent) => {
    if (PASS.has(e.key) || !(e.target instanceof HTMLElement)) return;
    const { target, key, shiftKey, ctrlKey, altKey, metaKey } = e;
    e.preventDefault();
    e.stopPropagation();
    held.push(() => target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, ctrlKey, altKey, metaKey, bubbles: true, cancelable: true })));
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('keydown', onKey, true);
  return () => {
    root.removeEventListener('click', onClick, true);
    root.removeEventListener('keydown', onKey, true);
    for (const replay of held.splice(0)) replay();
  };
}
