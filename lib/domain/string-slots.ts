// Where each string of an array sits in it (string → index), as an open-addressed hash table of
// two Int32Arrays (the index and a 32-bit hash of its string), 8 B a slot. The strings themselves
// stay in the caller's array: a lookup compares the string there, so two strings that share a hash
// are never taken for one. The order ledger finds a 200 MB export's 683k order ids (and 273k member
// ids) by it: as a Map<string, number> the ids took 27 MB of the background's heap, live through
// the whole import and after it. Pure.

/** A 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

const EMPTY = -1;

/** Strings by index held elsewhere than an array (a TextPool): StringSlots asks whether the one at an index is `text`. */
export interface IndexedText {
  same(index: number, text: string): boolean;
}

export class StringSlots {
  /** At each table position: an index into `names`, or EMPTY. */
  private at: Int32Array;
  /** At each table position: the hash of the string there. */
  private hashes: Int32Array;
  private count = 0;
  /** Whether the string at an index of the caller's strings is `text`. */
  private readonly same: (index: number, text: string) => boolean;

  /** `names`: the caller's strings, read on lookups (a string is set here only once it is at its index there). */
  constructor(names: readonly string[] | IndexedText, capacity = 16) {
    this.same = Array.isArray(names) ? (i, text) => (names as readonly string[])[i] === text : (i, text) => (names as IndexedText).same(i, text);
    let size = 16;
    while (size * 3 < capacity * 4) size *= 2;
    this.at = new Int32Array(size).fill(EMPTY);
    this.hashes = new Int32Array(size);
  }

  /** The strings indexed here, from `names`; `names[i]` is the string at index `i`. */
  static of(names: readonly string[]): StringSlots {
    const slots = new StringSlots(names, names.length);
    names.forEach((name, i) => slots.set(name, i));
    return slots;
  }

  get size(): number {
    return this.count;
  }

  /** The index of `text` in the array, if set. */
  get(text: string): number | undefined {
    const p = this.position(text, fnv32(text));
    return p < 0 ? undefined : this.at[p];
  }

  /** `text` is at `index` of the array now (it must be there already); a string set before moves to `index`. */
  set(text: string, index: number): void {
    const hash = fnv32(text);
    const mask = this.at.length - 1;
    for (let p = hash & mask; ; p = (p + 1) & mask) {
      const i = this.at[p]!;
      if (i === EMPTY) {
        this.at[p] = index;
        this.hashes[p] = hash;
        if (++this.count * 4 > this.at.length * 3) this.grow();
        return;
      }
      if (this.hashes[p] === hash && this.same(i, text)) {
        this.at[p] = index;
        return;
      }
    }
  }

  /** Forgets `text` (call it while the array still holds it at its index). True if it was set. */
  delete(text: string): boolean {
    let p = this.position(text, fnv32(text));
    if (p < 0) return false;
    this.count--;
    // Backward-shift deletion: the entries after the hole that could sit in it move up, so no probe stops early.
    const mask = this.at.length - 1;
    for (let q = (p + 1) & mask; this.at[q] !== EMPTY; q = (q + 1) & mask) {
      const home = this.hashes[q]! & mask;
      const stays = p <= q ? p < home && home <= q : p < home || home <= q;
      if (stays) continue;
      this.at[p] = this.at[q]!;
      this.hashes[p] = this.hashes[q]!;
      p = q;
    }
    this.at[p] = EMPTY;
    return true;
  }

  /** The table position holding `text`, or -1. */
  private position(text: string, hash: number): number {
    const mask = this.at.length - 1;
    for (let p = hash & mask; ; p = (p + 1) & mask) {
      const i = this.at[p]!;
      if (i === EMPTY) return -1;
      if (this.hashes[p] === hash && this.same(i, text)) return p;
    }
  }

  private grow(): void {
    const [at, hashes] = [this.at, this.hashes];
    this.at = new Int32Array(at.length * 2).fill(EMPTY);
    this.hashes = new Int32Array(at.length * 2);
    const mask = this.at.length - 1;
    for (let k = 0; k < at.length; k++) {
      if (at[k] === EMPTY) continue;
      let p = hashes[k]! & mask;
      while (this.at[p] !== EMPTY) p = (p + 1) & mask;
      this.at[p] = at[k]!;
      this.hashes[p] = hashes[k]!;
    }
  }
}
