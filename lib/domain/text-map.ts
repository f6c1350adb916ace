// A map from strings to a few distinct strings (every member's tier: 270k members, a handful of
// tiers), with its keys as bytes outside the JS heap (a TextDictionary) and each value an index into
// the few values: 2 B a key beside its bytes. As a Map it was some 27 B an entry of the background's
// JS heap and kept every member id a string there, for as long as the background ran. Keys and
// values are made again as they are asked for. Pure.
import { TextDictionary } from './text-dictionary';
import { WordList } from './word-list';
import { joinedPicksInPieces, type TextInPieces } from './joined-pieces';

const NONE = 0xffff;

export class TextMap implements Iterable<[string, string]> {
  private keyIds = new TextDictionary();
  /** Per key index: the index of its value in `values`, or NONE (deleted). */
  private at = new Uint16Array(0);
  private readonly values = new WordList();
  private count = 0;

  constructor(entries: Iterable<readonly [string, string]> = []) {
    for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): string | undefined {
    const i = this.keyIds.indexOf(key);
    const v = i === undefined ? NONE : this.at[i]!;
    return v === NONE ? undefined : this.values.word(v);
  }

  has(key: string): boolean {
    const i = this.keyIds.indexOf(key);
    return i !== undefined && this.at[i] !== NONE;
  }

  set(key: string, value: string): this {
    let v = this.values.indexOf(value);
    if (v === undefined) {
      if (this.values.size === NONE) throw new Error('A TextMap holds at most 65535 different values');
      v = this.values.index(value);
    }
    const i = this.keyIds.index(key);
    if (i >= this.at.length) {
      const next = new Uint16Array(Math.max(1024, Math.ceil((i + 1) * 1.5))).fill(NONE);
      next.set(this.at);
      this.at = next;
    }
    if (this.at[i] === NONE) this.count++;
    this.at[i] = v;
    return this;
  }

  /** Forgets `key` (its bytes stay until `clear`: a deleted member is rare). */
  delete(key: string): boolean {
    const i = this.keyIds.indexOf(key);
    if (i === undefined || this.at[i] === NONE) return false;
    this.at[i] = NONE;
    this.count--;
    return true;
  }

  clear(): void {
    this.keyIds = new TextDictionary();
    this.at = new Uint16Array(0);
    this.count = 0;
  }

  /** The entries in the order their keys first came. */
  * [Symbol.iterator](): IterableIterator<[string, string]> {
    const n = this.keyIds.size;
    for (let i = 0; i < n; i++) {
      const v = this.at[i]!;
      if (v !== NONE) yield [this.keyIds.name(i), this.values.word(v)!];
    }
  }

  entries(): IterableIterator<[string, string]> {
    return this[Symbol.iterator]();
  }

  /**
   * The entries without a string per key: the keys (in iteration order) as their text joined by
   * `separator`, in pieces (joined-pieces.ts), and each key's value as an index into `values`.
   * Read the pieces before the map changes.
   */
  joined(separator: string): { count: number; keys: TextInPieces; values: string[]; valueAt: Uint16Array } {
    const live = new Uint32Array(this.count);
    const valueAt = new Uint16Array(this.count);
    let n = 0;
    for (let i = 0; i < this.keyIds.size; i++) {
      if (this.at[i] === NONE) continue;
      live[n] = i;
      valueAt[n++] = this.at[i]!;
    }
    return { count: n, keys: joinedPicksInPieces(this.keyIds, live, n, separator), values: [...this.values.names], valueAt };
  }

  * keys(): IterableIterator<string> {
    for (const [key] of this) yield key;
  }
}
