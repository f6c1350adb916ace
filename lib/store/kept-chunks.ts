// Derived data kept in the caches table as several records of bounded size instead of one big value:
// a 200 MB export's order ledger or member facts, put as one value, went through structured clone
// and IndexedDB's buffers whole (hundreds of MB outside every JS heap, at the moment the keepers
// saved after an import). A keep is a head record under its key (the generation mark it stands for,
// the small fields, and how each big field was cut) and parts under `<key>|<token>|<field>|<n>`, each part a
// slice of one column (a typed array, a string, an array) of at most `chunking.bytes`, written in its own
// transaction. The head is written last, with its generation checked in the same transaction: a keep
// interrupted halfway has no head naming its parts and is never read; a head whose parts are missing
// is not trusted either. The parts of older keeps go when a new head is written. Columns with nothing
// to cut are kept as one record, as before. A text may be given as its pieces (TextInPieces), made
// as they are written: it is always cut, and never held whole.
import type { TextInPieces } from '../domain/joined-pieces';
import type { RegularsDb } from './database';

/** The most a part holds, roughly (a typed array's bytes, a string's characters × 2); tests make it small. */
export const chunking = { bytes: 4 * 1024 * 1024 };

const FORMAT = 'regulars-chunked-1';
const TYPED = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** How one big field was cut: its kind, length and the number of parts. */
type Cut = { field: string; parts: number; length: number } & ({ kind: 'typed'; type: TypedName } | { kind: 'string' } | { kind: 'array' });

interface Head {
  format: typeof FORMAT;
  token: string;
  /** Fields small enough to sit in the head. */
  small: Record<string, unknown>;
  cuts: Cut[];
}

const inPieces = (value: unknown): value is TextInPieces => typeof (value as Partial<TextInPieces> | null)?.stringPieces === 'function';
const isHead = (value: unknown): value is Head => (value as Head | undefined)?.format === FORMAT;
const partKey = (key: string, token: string, field: string, n: number) => `${key}|${token}|${field}|${n}`;
const typedName = (v: unknown): TypedName | undefined => (Object.keys(TYPED) as TypedName[]).find((name) => v instanceof TYPED[name]);

/** Slices of `array` whose strings add up to about `limit` characters each (other items count 8). */
function arraySlices(array: readonly unknown[], limit: number): unknown[][] {
  const out: unknown[][] = [];
  let from = 0;
  let size = 0;
  array.forEach((item, i) => {
    size += typeof item === 'string' ? item.length + 8 : 8;
    if (size >= limit) {
      out.push(array.slice(from, i + 1));
      from = i + 1;
      size = 0;
    }
  });
  if (from < array.length || !out.length) out.push(array.slice(from));
  return out;
}

/** The parts of one field (each a fresh copy, so a part does not drag its whole column into the clone), or undefined when it fits in the head. */
function* partsOf(value: unknown, chunkBytes: number): Generator<unknown, void, undefined> {
  const type = typedName(value);
  if (type) {
    const a = value as Typed;
    const per = Math.max(1, Math.floor(chunkBytes / a.BYTES_PER_ELEMENT));
    for (let i = 0; i < a.length; i += per) yield a.slice(i, i + per);
  } else if (typeof value === 'string') {
    const per = Math.max(1, Math.floor(chunkBytes / 2));
    for (let i = 0; i < value.length; i += per) yield value.slice(i, i + per);
  } else yield* arraySlices(value as unknown[], chunkBytes / 2);
}

const sizeOf = (value: unknown): number => {
  if (typedName(value)) return (value as Typed).byteLength;
  if (typeof value === 'string') return value.length * 2;
  if (Array.isArray(value)) return value.reduce<number>((s, v) => s + (typeof v === 'string' ? v.length * 2 + 16 : 16), 0);
  return 0;
};

const cutOf = (field: string, value: unknown, parts: number): Cut => {
  const type = typedName(value);
  const length = (value as { length: number }).length;
  if (type) return { field, parts, length, kind: 'typed', type };
  return { field, parts, length, kind: typeof value === 'string' ? 'string' : 'array' };
};

let tokens = 0;
const newToken = () => `${Date.now().toString(36)}${(tokens++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The keys of every part of `key`'s keeps but those of `token`. */
const otherParts = async (db: RegularsDb, key: string, token?: string) =>
  (await db.caches.where('key').startsWith(`${key}|`).primaryKeys()).filter((k) => !token || !k.startsWith(`${key}|${token}|`));

/**
 * Keeps `columns` under `key` for `generation`, in parts: the head is written only when `stillGood()`
 * (run inside the head's transaction: check the generation mark there) says so. Returns whether it was kept.
 */
export async function writeChunked(
  db: RegularsDb,
  key: string,
  generation: string,
  columns: object,
  stillGood: () => Promise<boolean> | boolean,
  chunkBytes = chunking.bytes,
): Promise<boolean> {
  const token = newToken();
  const small: Record<string, unknown> = {};
  const cuts: Cut[] = [];
  // A write meanwhile: what is being kept is already stale, the rest is not written.
  const put = (at: string, part: unknown) => db.transaction('rw', [db.caches], async () => (await stillGood()) && (await db.caches.put({ key: at, value: part }), true));
  for (const [field, value] of Object.entries(columns)) {
    if (inPieces(value)) {
      let [n, length] = [0, 0];
      for (const piece of value.stringPieces(Math.floor(chunkBytes / 2))) {
        length += piece.length;
        if (!(await put(partKey(key, token, field, n++), piece))) return dropToken(db, key, token);
      }
      cuts.push({ field, parts: n, length, kind: 'string' });
      continue;
    }
    if (sizeOf(value) <= chunkBytes) {
      small[field] = value;
      continue;
    }
    let n = 0;
    for (const part of partsOf(value, chunkBytes)) if (!(await put(partKey(key, token, field, n++), part))) return dropToken(db, key, token);
    cuts.push(cutOf(field, value, n));
  }
  // Nothing cut (a small shop): the columns as they are, one record.
  const value = cuts.length ? ({ format: FORMAT, token, small, cuts } satisfies Head) : columns;
  const kept = await db.transaction('rw', [db.caches], async () => {
    if (!(await stillGood())) return false;
    await db.caches.put({ key, generation, builtAt: Date.now(), value });
    await db.caches.bulkDelete(await otherParts(db, key, token));
    return true;
  });
  return kept || dropToken(db, key, token);
}

/** Deletes the parts written under `token` (a keep that will not be finished); false. */
const dropToken = async (db: RegularsDb, key: string, token: string) => {
  await db.caches.where('key').startsWith(`${key}|${token}|`).delete();
  return false;
};

/** One field put back together from its parts; undefined when a part is missing or the wrong size. */
async function joined(db: RegularsDb, key: string, token: string, cut: Cut): Promise<unknown> {
  const into = cut.kind === 'typed' ? new TYPED[cut.type](cut.length) : undefined;
  const pieces: unknown[] = [];
  let at = 0;
  for (let n = 0; n < cut.parts; n++) {
    const part = (await db.caches.get(partKey(key, token, cut.field, n)))?.value as Typed | string | unknown[] | undefined;
    if (part === undefined || at + part.length > cut.length) return undefined;
    if (into) into.set(part as Typed, at);
    else pieces.push(part);
    at += part.length;
  }
  if (at !== cut.length) return undefined;
  if (into) return into;
  return cut.kind === 'string' ? (pieces as string[]).join('') : (pieces as unknown[][]).flat();
}

/**
 * The value of a caches record as it was kept: a head's columns put back together (a part at a time,
 * inside the caller's transaction when there is one), any other value as it is (a keep made before
 * keeps were cut). Undefined when a part is missing: such a keep is not trusted.
 */
export async function keptValue<C>(db: RegularsDb, key: string, value: unknown): Promise<C | undefined> {
  if (!isHead(value)) return value as C;
  const out: Record<string, unknown> = { ...value.small };
  for (const cut of value.cuts) {
    const field = await joined(db, key, value.token, cut);
    if (field === undefined) return undefined;
    out[cut.field] = field;
  }
  return out as C;
}

/** Deletes `key`'s keep, head and parts. */
export async function dropChunked(db: RegularsDb, key: string): Promise<void> {
  await db.transaction('rw', [db.caches], async () => {
    await db.caches.delete(key);
    await db.caches.bulkDelete(await otherParts(db, key));
  });
}
