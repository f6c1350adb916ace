// Many short texts (every member's id, name, handles, search text) kept as one string and the
// offsets where each starts: a member's text is a slice read when its row is drawn, not an object
// the garbage collector walks (member-list.ts says why that matters at 100k members).

/** Every member's text in one string: member i's is text[start[i] … start[i + 1] - gap), gap being a separator's length. */
export interface PackedText {
  text: string;
  start: Uint32Array;
  gap: number;
}

export function packed(values: readonly string[]): PackedText {
  const start = new Uint32Array(values.length + 1);
  let at = 0;
  values.forEach((v, i) => {
    start[i] = at;
    at += v.length;
  });
  start[values.length] = at;
  return { text: values.join(''), start, gap: 0 };
}

/** Over `count` values already joined by `sep` (none of which holds it). */
export function joined(text: string, sep: string, count: number): PackedText {
  const start = new Uint32Array(count + 1);
  let at = 0;
  for (let i = 0; i < count; i++) {
    start[i] = at;
    const next = text.indexOf(sep, at);
    at = next < 0 ? text.length + sep.length : next + sep.length;
  }
  start[count] = count ? at : 0;
  return { text, start, gap: count ? sep.length : 0 };
}

export class Packed {
  readonly text: string;
  readonly start: Uint32Array;
  private readonly gap: number;
  constructor({ text, start, gap }: PackedText) {
    this.text = text;
    this.start = start;
    this.gap = gap;
  }

  at(i: number): string {
    return this.text.slice(this.start[i]!, this.start[i + 1]! - this.gap);
  }

  /** The member whose text holds position `pos`. */
  owner(pos: number): number {
    let lo = 0;
    let hi = this.start.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The member whose whole text is `value`, or undefined. */
  find(value: string): number | undefined {
    for (let pos = this.text.indexOf(value); pos >= 0; pos = this.text.indexOf(value, pos + 1)) {
      const i = this.owner(pos);
      if (this.start[i] === pos && this.start[i + 1]! - this.gap === pos + value.length) return i;
    }
    return undefined;
  }
}
