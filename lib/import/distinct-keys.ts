// How many different orders an import went through, counted by the options page as its batches are
// stored: a 200 MB export names 673k orders, and a Set of their keys held ~45 MB of the page's heap
// through the whole import. Here each key is a 53-bit hash in an open-addressed table of doubles
// (8 B a slot): two different keys count as one only if their hashes collide (about one chance in
// 10^5 for a million orders).
import { hash53 } from '../hash';

export class DistinctKeys {
  private table = new Float64Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(key: string): void {
    // 0 marks an empty slot: a key hashing to 0 is counted as 1.
    this.insert(hash53(key) || 1);
  }

  /** The hashes counted, to be counted on elsewhere (addHashes): the background reads big files, the page small ones. */
  hashes(): Float64Array {
    return this.table.filter((hash) => hash !== 0);
  }

  addHashes(hashes: Float64Array): void {
    for (const hash of hashes) if (hash !== 0) this.insert(hash);
  }

  private insert(hash: number): void {
    const mask = this.table.length - 1;
    for (let i = hash % this.table.length; ; i = (i + 1) & mask) {
      const at = this.table[i]!;
      if (at === hash) return;
      if (at === 0) {
        this.table[i] = hash;
        if (++this.count * 4 > this.table.length * 3) this.grow();
        return;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    this.count = 0;
    for (const hash of old) if (hash !== 0) this.insert(hash);
  }
}
