// "This is the buyer": the agent points at the name once; we outline what is under the pointer
// and take the click (capture phase, so the page never sees it).
import { selectorFor } from '@/lib/marketplaces/rule-buyer';

export function pickElement(): Promise<Element | undefined> {
  return new Promise((resolve) => {
    const overlay = document.createElement('regulars-picker');
    const shadow = overlay.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    box.style.cssText = 'position:fixed;pointer-events:none;z-index:2147483646;border:2px solid #0e7c66;background:rgba(14,124,102,.12);border-radius:4px;display:none';
    shadow.append(box);
    document.documentElement.append(overlay);
    let current: Element | undefined;
    const move = (e: MouseEvent) => {
      const el = document.elementFromPoint(e.clientX, e.clientY);
      if (!el || el.tagName.startsWith('REGULARS-')) return;
      current = el;
      const r = el.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left - 2}px`, top: `${r.top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
    };
    const finish = (el: Element | undefined) => {
      window.removeEventListener('mousemove', move, true);
      window.removeEventListener('click', click, true);
      window.removeEventListener('keydown', key, true);
      overlay.remove();
      resolve(el);
    };
    const click = (e: MouseEvent) => {
      e.preventDefault();
      e.stopPropagation();
      const el = document.elementFromPoint(e.clientX, e.clientY) ?? current;
      finish(el && !el.tagName.startsWith('REGULARS-') ? el : undefined);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(undefined);
      }
    };
    window.addEventListener('mousemove', move, true);
    window.addEventListener('click', click, true);
    window.addEventListener('keydown', key, true);
  });
}

export { selectorFor };
