// Strings by index, found by their text, kept as bytes outside the JS heap (a TextPool and a
// StringSlots table): what the order ledger and an import's identity table hold of a 200 MB export's
// 270k member ids. As an array of strings and a lookup beside it they were some 40 B a member of the
// background's JS heap, and every megabyte live there lets the heap grow about four more before a
// full collection while an import allocates at full speed (measured: a heap of the import's
// garbage grew 100 MB for 10 MB more live strings). A string is made again each time it is asked for. Pure.
import { StringSlots } from './string-slots';
import { TextPool } from './text-pool';

export class TextDictionary {
  private readonly pool = new TextPool();
  private readonly at: StringSlots;
  private count = 0;

  constructor(names: readonly string[] = []) {
    this.at = new StringSlots(this.pool, names.length);
    // names[i] at index i, as an array would hold them.
    names.forEach((name, i) => {
      this.pool.set(i, name);
      this.at.set(name, i);
    });
    this.count = names.length;
  }

  /** How many strings it holds (their indexes are 0 to size - 1). */
  get size(): number {
    return this.count;
  }

  /** The index of `text`, given it if it had none. */
  index(text: string): number {
    const known = this.at.get(text);
    if (known !== undefined) return known;
    const added = this.count++;
    this.pool.set(added, text);
    this.at.set(text, added);
    return added;
  }

  /** The index of `text`, if it has one. */
  indexOf(text: string): number | undefined {
    return this.at.get(text);
  }

  /** The length of the string at `index` in UTF-16 code units (text-pool.ts). */
  unitsAt(index: number): number {
    return index < this.count ? this.pool.unitsAt(index) : 0;
  }

  /** Writes the code units of the string at `index` into `out` from `at`, without making the string; returns how many. */
  unitsInto(index: number, out: Uint16Array, at: number): number {
    return index < this.count ? this.pool.unitsInto(index, out, at) : 0;
  }

  /** The string at `index` ('' when out of range). */
  name(index: number): string {
    return index < this.count ? this.pool.get(index) : '';
  }
}
