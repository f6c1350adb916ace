// The orders an import cache knows the store holds, and the digest of the file row each was last
// made from, by a 53-bit hash of the order id in an open-addressed table of doubles (16 B a slot).
// A 200 MB export names 683k orders: as a Set of their ids and a Map of digests beside it they were
// some 60 MB of the background's heap, held through the whole import and the warm minute after it.
// Two ids that share a hash share a slot, which can only cost a read, never a wrong answer: an order
// is "maybe stored" (it is read to find out), and a digest is compared with the digest of a row
// that names its own order id (a row of another order does not match it).
import { hash53 } from '../../hash';

/** The slot key of an order id (0 marks an empty slot). */
export const orderKey = (orderId: string): number => hash53(orderId) || 1;

export class KnownOrders {
  private keys = new Float64Array(1 << 12);
  /** The digest of the row the order was last made from; NaN: none known (no digest is NaN). */
  private digests = new Float64Array(1 << 12).fill(NaN);
  private count = 0;

  /** False once the store may hold orders this table does not name (a range of them deleted): every id may be stored then. */
  complete = true;

  /** How many different order ids (by hash) it names. */
  get size(): number {
    return this.count;
  }

  /** The bytes its table holds: 16 a slot. */
  get bytes(): number {
    return this.keys.length * 16;
  }

  /** False only when the store surely does not hold this order. */
  mayExist(orderId: string): boolean {
    return !this.complete || this.slotOf(orderKey(orderId)) >= 0;
  }

  /** The store holds this order (its digest, if any, stays). */
  add(orderId: string): void {
    this.insert(orderKey(orderId));
  }

  /** The digest of the row this stored order was last made from, if known. */
  digest(orderId: string): number | undefined {
    return this.digestByKey(orderKey(orderId));
  }

  digestByKey(key: number): number | undefined {
    const slot = this.slotOf(key);
    const digest = slot < 0 ? NaN : this.digests[slot]!;
    return Number.isNaN(digest) ? undefined : digest;
  }

  /** The stored order was last made from (or found equal to) a row of this digest. */
  setDigest(orderId: string, digest: number): void {
    this.digests[this.insert(orderKey(orderId))] = digest;
  }

  /** Someone else wrote or removed the order: the row it was made from is no longer known (it may still be stored). */
  forgetDigest(orderId: string): void {
    const slot = this.slotOf(orderKey(orderId));
    if (slot >= 0) this.digests[slot] = NaN;
  }

  forgetDigests(): void {
    this.digests.fill(NaN);
  }

  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = key % this.keys.length; ; i = (i + 1) & mask) {
      const at = this.keys[i]!;
      if (at === key) return i;
      if (at === 0) return -1;
    }
  }

  /** The slot of `key`, taken if it had none. */
  private insert(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = key % this.keys.length; ; i = (i + 1) & mask) {
      const at = this.keys[i]!;
      if (at === key) return i;
      if (at === 0) {
        this.keys[i] = key;
        if (++this.count * 4 <= this.keys.length * 3) return i;
        this.grow();
        return this.slotOf(key);
      }
    }
  }

  private grow(): void {
    const [keys, digests] = [this.keys, this.digests];
    this.keys = new Float64Array(keys.length * 2);
    this.digests = new Float64Array(keys.length * 2).fill(NaN);
    this.count = 0;
    keys.forEach((key, i) => {
      if (key !== 0) this.digests[this.insert(key)] = digests[i]!;
    });
  }
}
