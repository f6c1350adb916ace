// The fallback that always works: a buyer found by a selector the agent made by pointing once.
import type { DetectedBuyer } from './types';

interface Rule {
  selector: string;
  pathPrefix?: string | undefined;
}

/**
 * A handle from the text the agent pointed at: "Lily Chen (lily_chen)" → lily_chen, "@mei" → mei,
 * otherwise the text itself (names work as handles on sites that show no other id).
 */
export function buyerFromText(raw: string): DetectedBuyer | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 120) return undefined;
  const inParens = /^(.*?)\s*[(（]\s*@?([^()（）\s]+)\s*[)）]\s*$/.exec(text);
  if (inParens) return { handle: inParens[2]!, name: inParens[1]?.trim() || undefined };
  const at = /(?:^|\s)@([\w.-]+)/.exec(text);
  if (at) return { handle: at[1]!, name: text.replace(at[0], '').trim() || undefined };
  return { handle: text };
}

export function buyerByRules(rules: readonly Rule[], root: ParentNode, url: URL): DetectedBuyer | undefined {
  const applicable = rules.filter((r) => !r.pathPrefix || url.pathname.startsWith(r.pathPrefix)).sort((a, b) => (b.pathPrefix ?? '').length - (a.pathPrefix ?? '').length);
  for (const rule of applicable) {
    let el: Element | null;
    try {
      el = root.querySelector(rule.selector);
    } catch {
      continue; // a rule saved from an older page shape may no longer parse
    }
    const buyer = el?.textContent ? buyerFromText(el.textContent) : undefined;
    if (buyer) return buyer;
  }
  return undefined;
}

const HASHED = /\d{2,}|[A-Z].*[a-z].*[A-Z]|^[a-z]{1,2}\d|_[A-Za-z0-9]{5,}$|--[A-Za-z0-9_-]{5,}$/;
const cssEscape = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`));

/** Is this selector found, and found only at `el`? */
function uniqueAt(root: ParentNode, selector: string, el: Element): boolean {
  try {
    const all = root.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = [...parent.children].filter((c) => c.tagName === el.tagName);
  return same.length === 1 ? tag : `${tag}:nth-of-type(${same.indexOf(el) + 1})`;
}

/**
 * A selector for the element the agent pointed at that will find the same spot on the next
 * conversation: stable attributes first, never the buyer's own text or values, then a short path
 * from the nearest stable ancestor.
 */
export function selectorFor(el: Element, root: ParentNode = el.ownerDocument): string {
  const text = (el.textContent ?? '').trim().toLowerCase();
  const stableAttr = (e: Element): string | undefined => {
    if (e.id && !HASHED.test(e.id) && !text.includes(e.id.toLowerCase())) return `#${cssEscape(e.id)}`;
    for (const name of ['data-testid', 'data-test-id', 'data-cy', 'data-qa', 'aria-label', 'itemprop', 'name']) {
      const v = e.getAttribute(name);
      if (v && v.length < 60 && !(text && v.toLowerCase().includes(text)) && !text.includes(v.toLowerCase())) return `${e.tagName.toLowerCase()}[${name}="${v.replace(/"/g, '\\"')}"]`;
    }
    return undefined;
  };
  const own = stableAttr(el);
  if (own && uniqueAt(root, own, el)) return own;
  const classes = [...el.classList].filter((c) => !HASHED.test(c));
  if (classes.length) {
    const byClass = `${el.tagName.toLowerCase()}.${classes.map(cssEscape).join('.')}`;
    if (uniqueAt(root, byClass, el)) return byClass;
  }
  // A path up to the nearest ancestor with a stable hook (or the body).
  const path: string[] = [own ?? step(el)];
  for (let cur = el.parentElement; cur && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    const hook = cur.tagName === 'BODY' ? 'body' : stableAttr(cur);
    const selector = `${hook ?? step(cur)} > ${path.join(' > ')}`;
    if (hook && uniqueAt(root, selector, el)) return selector;
    path.unshift(hook ?? step(cur));
    if (cur.tagName === 'BODY') break;
  }
  return path.join(' > ');
}
