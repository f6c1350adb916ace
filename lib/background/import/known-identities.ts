// The identities an import cache knows (identity id → member id), by two hashes of the identity id
// in an open-addressed table: 53 bits for the slot and 32 more to tell ids apart, beside the member
// id. A 200 MB export brings 550k identities (a phone and an e-mail per member): as a Map of their
// ids they were some 35 MB of the background's heap through the import and the warm minute after
// it; here 16 B a slot. Two different identity ids are taken for one only if all 85 bits agree:
// about one chance in 10^13 for a million identities, far below any other way a buyer is mismatched.
// The member ids are bytes too (a TextDictionary, 270k of them), each slot their index: as strings
// in an array they were some 15 MB of the background's JS heap through the import.
import { hash53 } from '../../hash';
import { TextDictionary } from '../../domain/text-dictionary';
// A 32-bit FNV-1a hash: independent of cyrb53's.
import { fnv32 } from '../../domain/string-slots';

/** Identity id → member id, with the part of a Map's interface an import cache uses. */
export class KnownIdentities {
  private keys = new Float64Array(1 << 12);
  private checks = new Int32Array(1 << 12);
  /** Per slot: the index of its member id in `memberIds` (-1 in an empty slot). */
  private members = new Int32Array(1 << 12).fill(-1);
  private memberIds = new TextDictionary();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The bytes its table holds: 16 a slot and the member ids' bytes (some 30 a member). */
  get bytes(): number {
    return this.keys.length * 16 + this.memberIds.size * 30;
  }

  get(identityId: string): string | undefined {
    const slot = this.slotOf(hash53(identityId) || 1, fnv32(identityId));
    return slot < 0 ? undefined : this.memberIds.name(this.members[slot]!);
  }

  has(identityId: string): boolean {
    return this.slotOf(hash53(identityId) || 1, fnv32(identityId)) >= 0;
  }

  set(identityId: string, memberId: string): this {
    this.put(hash53(identityId) || 1, fnv32(identityId), this.memberIds.index(memberId));
    return this;
  }

  clear(): void {
    this.keys = new Float64Array(1 << 12);
    this.checks = new Int32Array(1 << 12);
    this.members = new Int32Array(1 << 12).fill(-1);
    this.memberIds = new TextDictionary();
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

  private put(key: number, check: number, member: number): void {
    const mask = this.keys.length - 1;
    for (let i = key % this.keys.length; ; i = (i + 1) & mask) {
      const at = this.keys[i]!;
      if (at === key && this.checks[i] === check) {
        this.members[i] = member;
        return;
      }
      if (at === 0) {
        this.keys[i] = key;
        this.checks[i] = check;
        this.members[i] = member;
        if (++this.count * 4 > this.keys.length * 3) this.grow();
        return;
      }
    }
  }

  private grow(): void {
    const [keys, checks, members] = [this.keys, this.checks, this.members];
    this.keys = new Float64Array(keys.length * 2);
    this.checks = new Int32Array(keys.length * 2);
    this.members = new Int32Array(keys.length * 2).fill(-1);
    this.count = 0;
    keys.forEach((key, i) => {
      if (key !== 0) this.put(key, checks[i]!, members[i]!);
    });
  }
}
