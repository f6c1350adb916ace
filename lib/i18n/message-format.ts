// The catalogue's message syntax: `{name}` fills a parameter; `{count, plural, one {# order} other
// {# orders}}` picks the branch Intl.PluralRules names for the locale (`=0 {…}` matches exactly),
// `#` being the number in the locale's digits. A number parameter is grouped as the locale groups
// it (Intl.NumberFormat: "12,000", "12,000"); `{line, number, ::group-off}` keeps the bare digits of
// an identifier such as a row number ("row 12345"). A small ICU MessageFormat subset: no select, no
// nesting beyond placeholders inside a branch.
import { cached } from '../domain/cached';

export type Params = Record<string, string | number>;

type Part = { text: string } | { arg: string; bare?: true } | { arg: string; plural: Map<string, Part[]> };

const cache = new Map<string, Part[]>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The index of the `}` that closes the `{` at `open`. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unclosed { in message: ${template}`);
}

function parse(template: string): Part[] {
  const hit = cache.get(template);
  if (hit) return hit;
  const parts: Part[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      parts.push({ text: template.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: template.slice(i, open) });
    const end = closing(template, open);
    const inner = template.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) parts.push({ arg: plural[1]!, plural: branches(plural[2]!, template) });
    else if (/^\w+$/.test(inner) || /^\w+\s*,\s*number\s*$/.test(inner)) parts.push({ arg: inner.split(',')[0]!.trim() });
    else if (/^\w+\s*,\s*number\s*,\s*::group-off\s*$/.test(inner)) parts.push({ arg: inner.split(',')[0]!.trim(), bare: true });
    else parts.push({ text: template.slice(open, end + 1) });
    i = end + 1;
  }
  cache.set(template, parts);
  return parts;
}

function branches(body: string, template: string): Map<string, Part[]> {
  const out = new Map<string, Part[]>();
  let i = 0;
  for (;;) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    out.set(m[1]!, parse(body.slice(open + 1, end)));
    i = end + 1;
  }
  if (!out.has('other') || body.slice(i).trim()) throw new Error(`A plural needs an "other" branch and nothing else after its branches: ${template}`);
  return out;
}

export function formatMessage(template: string, locale: string, params?: Params): string {
  if (!params && !template.includes('{')) return template;
  return render(parse(template), locale, params ?? {}, undefined);
}

function render(parts: Part[], locale: string, params: Params, hash: string | undefined): string {
  let out = '';
  for (const part of parts) {
    if ('text' in part) {
      out += hash === undefined ? part.text : part.text.replace(/#/g, hash);
      continue;
    }
    const value = params[part.arg];
    if (!('plural' in part)) {
      if (value === undefined) out += `{${part.arg}}`;
      else if (typeof value === 'number' && !part.bare) out += cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
      else out += String(value);
      continue;
    }
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n)) {
      out += `{${part.arg}}`;
      continue;
    }
    const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n);
    const branch = part.plural.get(`=${n}`) ?? part.plural.get(category) ?? part.plural.get('other')!;
    out += render(branch, locale, params, cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n));
  }
  return out;
}

/** The parameters a message uses, and which of them choose a plural with which branches. */
export function messageArgs(template: string): { args: string[]; plurals: Record<string, string[]> } {
  const args = new Set<string>();
  const plurals: Record<string, string[]> = {};
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if ('text' in part) continue;
      args.add(part.arg);
      if ('plural' in part) {
        plurals[part.arg] = [...part.plural.keys()];
        part.plural.forEach(walk);
      }
    }
  };
  walk(parse(template));
  return { args: [...args].sort(), plurals };
}

/**
 * Two or more messages shown as one paragraph: a space between them after a Latin sentence, none
 * after a full-width stop, which Chinese sets with no space after it ("已保存。团队的…").
 */
export function sentences(...parts: string[]): string {
  return parts.reduce((text, part) => (text === '' ? part : /[\u3000-\u303f\uff01-\uff1f]$/.test(text) ? text + part : `${text} ${part}`), '');
}
