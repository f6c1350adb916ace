// The identities an import cache knows (identity id → member id), by two hashes of the identity id
// in an open-addressed table: 53 bits for the slot and 32 more to tell ids apart, beside the member
// id. A 200 MB export brings 550k identities (a phone and an e-mail per member): as a Map of their
// ids they were some 35 MB of the background's heap through the import and the warm minute after
// it; here 16 B a slot. Two different identity ids are taken for one only if all 85 bits agree:
// about one chance in 10^13 for a million identities, far below any other way a buyer is mismatched.
import { hash53 } from '../../hash';

/** A 32-bit FNV-1a hash: independent of cyrb53's. */
function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Identity id → member id, with the part of a Map's interface an import cache uses. */
export class KnownIdentities {
  private keys = new Float64Array(1 << 12);
  private checks = new Int32Array(1 << 12);
  private members: (string | undefined)[] = new Array<string | undefined>(1 << 12).fill(undefined);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The bytes its table holds: 16 a slot (the member ids are the members' own strings, shared). */
  get bytes(): number {
    return this.keys.length * 16;
  }

  get(identityId: string): string | undefined {
    const slot = this.slotOf(hash53(identityId) || 1, fnv32(identityId));
    return slot < 0 ? undefined : this.members[slot];
  }

  has(identityId: string): boolean {
    return this.get(identityId) !== undefined;
  }

  set(identityId: string, memberId: string): this {
    this.put(hash53(identityId) || 1, fnv32(identityId), memberId);
    return this;
  }

  clear(): void {
    this.keys = new Float64Array(1 << 12);
    this.checks = new Int32Array(1 << 12);
    this.members = new Array<string | undefined>(1 << 12).fill(undefined);
    this.count = 0;
  }

  private slotOf(key: number, check: number): number {
    const mask = this.keys.length - 1;
    for (let i = key % this.keys.length; ; i = (i + 1) & mask) {
      const at = this.keys[i]!;
      if (at === key && this.checks[i] === check) return i;
      if (at === 0) return -1;
    }
  }

  private put(key: number, check: number, memberId: string): void {
    const mask = this.keys.length - 1;
    for (let i = key % this.keys.length; ; i = (i + 1) & mask) {
      const at = this.keys[i]!;
      if (at === key && this.checks[i] === check) {
        this.members[i] = memberId;
        return;
      }
      if (at === 0) {
        this.keys[i] = key;
        this.checks[i] = check;
        this.members[i] = memberId;
        if (++this.count * 4 > this.keys.length * 3) this.grow();
        return;
      }
    }
  }

  private grow(): void {
    const [keys, checks, members] = [this.keys, this.checks, this.members];
    this.keys = new Float64Array(keys.length * 2);
    this.checks = new Int32Array(keys.length * 2);
    this.members = new Array<string | undefined>(keys.length * 2).fill(undefined);
    this.count = 0;
    keys.forEach((key, i) => {
      if (key !== 0) this.put(key, checks[i]!, members[i]!);
    });
  }
}
