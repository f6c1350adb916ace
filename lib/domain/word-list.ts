// A few distinct strings (currencies, statuses, kinds of items, tiers, categories) by index, each
// kept once: what columns of typed arrays point into. For many strings (member ids) see
// text-dictionary.ts, which keeps them as bytes. Pure.

export class WordList {
  /** The words by index: shared, never change it. */
  readonly names: string[] = [];
  private readonly at = new Map<string, number>();

  /** `names`: the words of a list saved before, at the same indexes (a repeated word keeps its first). */
  constructor(names: readonly string[] = []) {
    for (const name of names) {
      if (!this.at.has(name)) this.at.set(name, this.names.length);
      this.names.push(name);
    }
  }

  get size(): number {
    return this.names.length;
  }

  /** The index of `word`, added at the end if new. */
  index(word: string): number {
    const i = this.at.get(word);
    if (i !== undefined) return i;
    this.at.set(word, this.names.length);
    return this.names.push(word) - 1;
  }

  /** The index of `word`, if it is in the list. */
  indexOf(word: string): number | undefined {
    return this.at.get(word);
  }

  /** The word at `i`. */
  word(i: number): string | undefined {
    return this.names[i];
  }
}
