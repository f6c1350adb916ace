// The member rows an import session holds until its end (member-journal.ts), as columns: a 200 MB
// export leaves a row per member waiting (269k), and as objects each was some 270 B of the
// background's heap (16 fields, a box per timestamp, a fresh empty tag list and profile, a category
// record) while the import itself held the most. Here the numbers sit in typed arrays, the strings
// that repeat (currency, category) in dictionaries, and only what is out of the ordinary (tags, a
// profile, several categories, a field this file does not know) as an object. A row is rebuilt,
// equal to the one set, when it is asked for. Whether the session created the member is a bit beside
// the row (as a Set of their ids it was 5 MB), and the two columns most rows leave empty (points, the
// one category's time) are made only once a row fills them.
import type { MemberWrite } from '../../domain/rows';
import { StringSlots } from '../../domain/string-slots';
import { TextPool } from '../../domain/text-pool';
import { WordList } from '../../domain/word-list';

/** The fields held as columns; any other a row has is kept beside it as it is. */
const COLUMNS = new Set([
  'id', 'displayName', 'tags', 'profile', 'doNotContact', 'createdAt', 'updatedAt', 'orderCount', 'spendMinor', 'currency',
  'spendOrderCount', 'averageOrderMinor', 'firstOrderAt', 'lastOrderAt', 'categoryLastAt', 'pointsAdjustment',
]);

/** What a row has beyond its columns: tags, a profile, several categories, unknown fields. */
interface Unusual {
  tags?: string[];
  profile?: MemberWrite['profile'];
  categoryLastAt?: Record<string, number>;
  extra?: Record<string, unknown>;
}

/** The typed columns, by kind; LAZY ones stay empty (length 0, read as NaN) until a row fills them. */
const NUMBERS = ['createdAt', 'updatedAt', 'spendMinor', 'averageOrderMinor', 'firstOrderAt', 'lastOrderAt'];
const LAZY = ['pointsAdjustment', 'categoryAt'] as const;
const INTEGERS = ['orderCount', 'spendOrderCount', 'category', 'currency'];

/** Bits of the `flags` column. */
const DO_NOT_CONTACT = 1;
const CREATED = 2;

/** No category record (-1), or one of several categories (-2: in `Unusual`). */
const NO_CATEGORY = -1;
const CATEGORIES = -2;

const grown = <A extends Float64Array | Int32Array | Uint8Array>(a: A, length: number, fill?: number): A => {
  const next = new (a.constructor as new (n: number) => A)(length);
  if (fill !== undefined) next.fill(fill, a.length);
  next.set(a);
  return next;
};

/** Encodes `undefined` as NaN in a Float64 column (no stored number is NaN). */
const orNaN = (n: number | undefined) => (n === undefined ? NaN : n);
const orUndefined = (n: number) => (Number.isNaN(n) ? undefined : n);

/** A member row per id, with the part of a Map's interface an import session uses. */
export class WaitingRows {
  /**
   * Slot → member id ('' once its row is let go), as bytes (text-pool.ts), found by a StringSlots
   * table (typed arrays): as strings in an array and a Map beside them they were some 60 B a row of
   * the background's JS heap, which grows four times what lives in it while an import runs.
   */
  private ids = new TextPool();
  private slotOf = new StringSlots(this.ids);
  private slots = 0;
  /** Display names, as bytes outside the JS heap (text-pool.ts): 8 MB of strings for 269k rows. */
  private names = new TextPool();
  /** By slot, only for the rows that have something out of the ordinary (most have nothing). */
  private unusual = new Map<number, Unusual>();
  private words = new WordList();
  private createdAt = new Float64Array(0);
  private updatedAt = new Float64Array(0);
  private spendMinor = new Float64Array(0);
  private averageOrderMinor = new Float64Array(0);
  private firstOrderAt = new Float64Array(0);
  private lastOrderAt = new Float64Array(0);
  private pointsAdjustment = new Float64Array(0);
  private categoryAt = new Float64Array(0);
  private orderCount = new Int32Array(0);
  private spendOrderCount = new Int32Array(0);
  private category = new Int32Array(0);
  private currency = new Int32Array(0);
  private flags = new Uint8Array(0);
  private createdCount = 0;

  /** The members the session created (no row before it): a Set's `has`, `add` and `size` over the rows' bits. */
  readonly created = new CreatedMembers(this);

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.get(id) !== undefined;
  }

  /** The ids of the rows held, in the order they first came. */
  * keys(): IterableIterator<string> {
    for (let i = 0; i < this.slots; i++) if (this.ids.holds(i)) yield this.ids.get(i);
  }

  /**
   * The slots of the rows held, in the order of their ids (as `sort()` orders strings): a session's
   * end walks them in key order without an array of every id (270k strings at the moment the
   * background holds the most).
   */
  slotsInKeyOrder(): Uint32Array {
    const slots = new Uint32Array(this.size);
    let k = 0;
    for (let i = 0; i < this.slots && k < slots.length; i++) if (this.ids.holds(i)) slots[k++] = i;
    return slots.sort((a, b) => this.ids.compare(a, b));
  }

  /** The member id of a slot ('' once its row is let go). */
  idAt(slot: number): string {
    return this.ids.get(slot);
  }

  delete(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id); // while `ids` still names it there
    this.ids.clear(slot);
    this.names.clear(slot);
    this.unusual.delete(slot);
    return true;
  }

  clear(): void {
    this.ids = new TextPool();
    this.slotOf = new StringSlots(this.ids);
    this.slots = 0;
    this.createdCount = 0;
    this.names = new TextPool();
    this.unusual = new Map();
    for (const column of [...NUMBERS, ...LAZY]) (this as unknown as Record<string, Float64Array>)[column] = new Float64Array(0);
    for (const column of INTEGERS) (this as unknown as Record<string, Int32Array>)[column] = new Int32Array(0);
    this.flags = new Uint8Array(0);
  }

  /** Writes `value` at `i` of a lazy column, making the column when the value is its first. */
  private setLazy(column: (typeof LAZY)[number], i: number, value: number): void {
    if (!this[column].length) {
      if (Number.isNaN(value)) return;
      this[column] = new Float64Array(this.orderCount.length).fill(NaN);
    }
    this[column][i] = value;
  }

  private lazy(column: (typeof LAZY)[number], i: number): number {
    return this[column].length ? this[column][i]! : NaN;
  }

  /** Whether the member of this waiting row was created by the session. */
  isCreated(id: string): boolean {
    const slot = this.slotOf.get(id);
    return slot !== undefined && (this.flags[slot]! & CREATED) !== 0;
  }

  /** The member of this waiting row (set before) was created by the session; counted until `clear`, its row let go or not. */
  markCreated(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) throw new Error(`No waiting row for member ${id}`);
    if (!(this.flags[slot]! & CREATED)) this.createdCount++;
    this.flags[slot]! |= CREATED;
  }

  get createdSize(): number {
    return this.createdCount;
  }

  /** How many rows held are of members the session did not create (read from the rows' bits, no id made). */
  heldNotCreated(): number {
    let n = 0;
    for (let i = 0; i < this.slots; i++) if (this.ids.holds(i) && !(this.flags[i]! & CREATED)) n++;
    return n;
  }

  private slotFor(id: string): number {
    const known = this.slotOf.get(id);
    if (known !== undefined) return known;
    if (this.slots >= this.orderCount.length) {
      const length = Math.max(1024, Math.ceil(this.slots * 1.5));
      const columns = this as unknown as Record<string, Float64Array | Int32Array | Uint8Array>;
      for (const column of [...NUMBERS, ...INTEGERS, 'flags']) columns[column] = grown(columns[column]!, length);
      for (const column of LAZY) if (this[column].length) this[column] = grown(this[column], length, NaN);
    }
    const slot = this.slots++;
    this.ids.set(slot, id);
    this.slotOf.set(id, slot);
    return slot;
  }

  set(id: string, row: MemberWrite): this {
    const i = this.slotFor(id);
    this.names.set(i, row.displayName);
    this.flags[i] = (this.flags[i]! & CREATED) | (row.doNotContact ? DO_NOT_CONTACT : 0);
    this.createdAt[i] = row.createdAt;
    this.updatedAt[i] = row.updatedAt;
    this.orderCount[i] = row.orderCount;
    this.spendMinor[i] = row.spendMinor;
    this.currency[i] = this.words.index(row.currency);
    this.spendOrderCount[i] = row.spendOrderCount;
    this.averageOrderMinor[i] = row.averageOrderMinor;
    this.firstOrderAt[i] = orNaN(row.firstOrderAt);
    this.lastOrderAt[i] = orNaN(row.lastOrderAt);
    this.setLazy('pointsAdjustment', i, orNaN(row.pointsAdjustment));
    const odd: Unusual = {};
    if (row.tags.length) odd.tags = row.tags;
    if (Object.keys(row.profile).length) odd.profile = row.profile;
    const categories = row.categoryLastAt ? Object.keys(row.categoryLastAt) : undefined;
    if (!categories) this.category[i] = NO_CATEGORY;
    else if (categories.length === 1) {
      this.category[i] = this.words.index(categories[0]!);
      this.setLazy('categoryAt', i, row.categoryLastAt![categories[0]!]!);
    } else {
      this.category[i] = CATEGORIES;
      odd.categoryLastAt = row.categoryLastAt!;
    }
    for (const key of Object.keys(row)) if (!COLUMNS.has(key)) (odd.extra ??= {})[key] = (row as unknown as Record<string, unknown>)[key];
    if (odd.tags || odd.profile || odd.categoryLastAt || odd.extra) this.unusual.set(i, odd);
    else this.unusual.delete(i);
    return this;
  }

  private oneCategory(category: number, i: number): Record<string, number> {
    return { [this.words.names[category]!]: this.lazy('categoryAt', i) };
  }

  get(id: string): MemberWrite | undefined {
    const i = this.slotOf.get(id);
    if (i === undefined) return undefined;
    const odd = this.unusual.get(i);
    const category = this.category[i]!;
    return {
      id,
      displayName: this.names.get(i),
      tags: odd?.tags ?? [],
      profile: odd?.profile ?? {},
      doNotContact: (this.flags[i]! & DO_NOT_CONTACT) !== 0,
      createdAt: this.createdAt[i]!,
      updatedAt: this.updatedAt[i]!,
      orderCount: this.orderCount[i]!,
      spendMinor: this.spendMinor[i]!,
      currency: this.words.names[this.currency[i]!]!,
      spendOrderCount: this.spendOrderCount[i]!,
      averageOrderMinor: this.averageOrderMinor[i]!,
      firstOrderAt: orUndefined(this.firstOrderAt[i]!),
      lastOrderAt: orUndefined(this.lastOrderAt[i]!),
      categoryLastAt: category === NO_CATEGORY ? undefined : category === CATEGORIES ? odd!.categoryLastAt : this.oneCategory(category, i),
      pointsAdjustment: orUndefined(this.lazy('pointsAdjustment', i)),
      ...odd?.extra,
    };
  }
}

/** The members an import session created, as the part of a Set its callers use. */
export class CreatedMembers {
  constructor(private readonly rows: WaitingRows) {}

  has(id: string): boolean {
    return this.rows.isCreated(id);
  }

  add(id: string): this {
    this.rows.markCreated(id);
    return this;
  }

  get size(): number {
    return this.rows.createdSize;
  }
}
