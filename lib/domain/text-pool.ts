// Short strings by slot, kept as bytes in one growing Uint8Array outside the JS heap: a string
// shorter than 127 characters costs its length (twice that when one of its code units is above 255,
// a Chinese name) and 5 B beside it. The order ledger keeps a 200 MB export's 683k order ids
// ("shopify:#100123") here, and an import its waiting members' names: as strings in an array each
// took some 32 B of the background's heap (a 12 B header, the characters rounded up, the array's
// pointer), live through the whole import. A longer string is kept as it is. The bytes of a string
// cleared or replaced are reclaimed once they are half of the pool (the pool is rewritten without
// them). Pure.

/** The length mark of a slot whose string is kept as it is (`long`). */
const LONG = 255;
/** Marks of two-byte strings: TWO + their length. */
const TWO = 127;

const grownTo = <A extends Uint8Array | Uint32Array>(a: A, length: number): A => {
  const next = new (a.constructor as new (n: number) => A)(length);
  next.set(a);
  return next;
};

/** Plain arrays of code units by length, refilled for each string made (TextPool.get). */
const scratch: number[][] = [];

export class TextPool {
  private bytes = new Uint8Array(1 << 12);
  /** Bytes in use, those of cleared strings included. */
  private used = 0;
  /** Bytes of cleared strings, not yet reclaimed. */
  private dead = 0;
  private start = new Uint32Array(0);
  /** Per slot: 0 for none (or ''), the length of a one-byte string (below TWO), TWO + the length of a two-byte one, or LONG (in `long`). */
  private length = new Uint8Array(0);
  private long = new Map<number, string>();

  /** The string at `slot` ('' when none). */
  get(slot: number): string {
    const mark = this.length[slot] ?? 0;
    if (mark === LONG) return this.long.get(slot)!;
    if (mark === 0) return '';
    const at = this.start[slot]!;
    // Through a plain array kept for each length: `apply` over a view of the bytes made the view and
    // a copy of it as arguments for every string asked for (a report's walk asked for 273k).
    if (mark < TWO) {
      const codes = (scratch[mark] ??= new Array<number>(mark).fill(0));
      for (let i = 0; i < mark; i++) codes[i] = this.bytes[at + i]!;
      return String.fromCharCode.apply(null, codes);
    }
    const codes = (scratch[mark - TWO] ??= new Array<number>(mark - TWO).fill(0));
    for (let i = 0; i < codes.length; i++) codes[i] = this.bytes[at + 2 * i]! | (this.bytes[at + 2 * i + 1]! << 8);
    return String.fromCharCode.apply(null, codes);
  }

  /** The length of the string at `slot`, in UTF-16 code units. */
  unitsAt(slot: number): number {
    const mark = this.length[slot] ?? 0;
    if (mark === LONG) return this.long.get(slot)!.length;
    return mark < TWO ? mark : mark - TWO;
  }

  /**
   * Writes the code units of the string at `slot` into `out` from `at` (the caller makes room:
   * unitsAt), without making the string; returns how many.
   */
  unitsInto(slot: number, out: Uint16Array, at: number): number {
    const mark = this.length[slot] ?? 0;
    if (mark === LONG) {
      const text = this.long.get(slot)!;
      for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
      return text.length;
    }
    const from = this.start[slot] ?? 0;
    if (mark < TWO) {
      // Unit by unit: a view of the bytes per string (683k ids saved) was some 50 MB of garbage.
      for (let i = 0; i < mark; i++) out[at + i] = this.bytes[from + i]!;
      return mark;
    }
    const n = mark - TWO;
    for (let i = 0; i < n; i++) out[at + i] = this.bytes[from + 2 * i]! | (this.bytes[from + 2 * i + 1]! << 8);
    return n;
  }

  /** Whether `slot` holds a string other than ''. */
  holds(slot: number): boolean {
    return (this.length[slot] ?? 0) !== 0;
  }

  /** Whether the string at `slot` is `text`, without making it. */
  same(slot: number, text: string): boolean {
    const mark = this.length[slot] ?? 0;
    if (mark === LONG) return this.long.get(slot) === text;
    const at = this.start[slot]!;
    if (mark < TWO) {
      if (mark !== text.length) return false;
      for (let i = 0; i < mark; i++) if (this.bytes[at + i] !== text.charCodeAt(i)) return false;
      return true;
    }
    if (mark - TWO !== text.length) return false;
    for (let i = 0; i < text.length; i++) if ((this.bytes[at + 2 * i]! | (this.bytes[at + 2 * i + 1]! << 8)) !== text.charCodeAt(i)) return false;
    return true;
  }

  /**
   * The strings at two slots compared as `<` compares strings (by UTF-16 code units), from their
   * bytes: negative, 0 or positive. The report sorts a member's orders by id this way without
   * making an id (each made from bytes made its report pass some 2x slower).
   */
  compare(a: number, b: number): number {
    const ma = this.length[a] ?? 0;
    const mb = this.length[b] ?? 0;
    if (ma === LONG || mb === LONG) {
      const x = this.get(a);
      const y = this.get(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const la = ma < TWO ? ma : ma - TWO;
    const lb = mb < TWO ? mb : mb - TWO;
    const sa = this.start[a]!;
    const sb = this.start[b]!;
    const n = Math.min(la, lb);
    const bytes = this.bytes;
    if (ma < TWO && mb < TWO) {
      for (let i = 0; i < n; i++) {
        const d = bytes[sa + i]! - bytes[sb + i]!;
        if (d) return d;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const ca = ma < TWO ? bytes[sa + i]! : bytes[sa + 2 * i]! | (bytes[sa + 2 * i + 1]! << 8);
        const cb = mb < TWO ? bytes[sb + i]! : bytes[sb + 2 * i]! | (bytes[sb + 2 * i + 1]! << 8);
        if (ca !== cb) return ca - cb;
      }
    }
    return la - lb;
  }

  set(slot: number, text: string): void {
    this.clear(slot);
    if (slot >= this.length.length) {
      const length = Math.max(1024, Math.ceil((slot + 1) * 1.5));
      this.start = grownTo(this.start, length);
      this.length = grownTo(this.length, length);
    }
    if (text.length === 0) return;
    const one = oneByte(text);
    if (text.length >= (one ? TWO : LONG - TWO)) {
      this.long.set(slot, text);
      this.length[slot] = LONG;
      return;
    }
    const size = one ? text.length : 2 * text.length;
    this.room(size);
    const at = this.used;
    if (one) for (let i = 0; i < text.length; i++) this.bytes[at + i] = text.charCodeAt(i);
    else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        this.bytes[at + 2 * i] = c & 0xff;
        this.bytes[at + 2 * i + 1] = c >>> 8;
      }
    }
    this.start[slot] = at;
    this.length[slot] = one ? text.length : TWO + text.length;
    this.used += size;
  }

  clear(slot: number): void {
    const mark = this.length[slot] ?? 0;
    if (mark === 0) return;
    if (mark === LONG) this.long.delete(slot);
    else this.dead += bytesOf(mark);
    this.length[slot] = 0;
  }

  /** Room for `n` more bytes: the cleared ones reclaimed when they are half the pool, else a larger pool. */
  private room(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    if (this.dead * 2 >= this.used) this.compact();
    if (this.used + n <= this.bytes.length) return;
    this.bytes = grownTo(this.bytes, Math.max(this.used + n, Math.ceil(this.bytes.length * 1.5)));
  }

  private compact(): void {
    const old = this.bytes;
    this.bytes = new Uint8Array(old.length);
    let used = 0;
    for (let slot = 0; slot < this.length.length; slot++) {
      const mark = this.length[slot]!;
      if (mark === 0 || mark === LONG) continue;
      const n = bytesOf(mark);
      const at = this.start[slot]!;
      this.bytes.set(old.subarray(at, at + n), used);
      this.start[slot] = used;
      used += n;
    }
    this.used = used;
    this.dead = 0;
  }
}

/** The bytes a string of this mark takes in the pool. */
const bytesOf = (mark: number) => (mark < TWO ? mark : 2 * (mark - TWO));

function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 255) return false;
  return true;
}
