// @vitest-environment happy-dom
// What the user does to the popup's first frame before React has it is done once React has it.
import { afterEach, describe, expect, it } from 'vitest';
import { holdInput } from './held-input';

afterEach(() => document.body.replaceChildren());

/** A first frame's row and its Done button, with what the page would do on each (recorded). */
function frame() {
  const root = document.body.appendChild(document.createElement('div'));
  const row = root.appendChild(document.createElement('li'));
  row.tabIndex = 0;
  const done = row.appendChild(document.createElement('button'));
  const mine = root.appendChild(document.createElement('input'));
  mine.type = 'checkbox';
  const did: string[] = [];
  root.addEventListener('click', (e) => did.push(`click ${(e.target as Element).tagName.toLowerCase()}`));
  root.addEventListener('keydown', (e) => did.push(`key ${e.key}`));
  return { root, row, done, mine, did };
}

describe('input on the first frame before React has it', () => {
  it('a click and the list keys wait, then are done in order on the same elements', () => {
    const { root, row, done, mine, did } = frame();
    const release = holdInput(root);
    done.click();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
    mine.click();
    expect(did).toEqual([]);
    // The checkbox does not change under the user's hand before the page can act on it.
    expect(mine.checked).toBe(false);
    release();
    expect(did).toEqual(['click button', 'key j', 'click input']);
    expect(mine.checked).toBe(true);
  });

  it('Tab still moves focus, and nothing is held once released', () => {
    const { root, row, done, did } = frame();
    const release = holdInput(root);
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    row.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    release();
    done.click();
    expect(did).toEqual(['key Tab', 'click button']);
  });
});
