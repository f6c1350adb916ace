// A long joined text made and handed over a piece at a time, never whole: the order ledger's ids
// (683k of them, some 10 MB joined) are kept on disk as pieces of such a text. Pure.

/** Text given as its pieces, each at most `maxChars` long; joined, they are the whole text. */
export interface TextInPieces {
  stringPieces(maxChars: number): Iterable<string>;
}

/** Code units handed to String.fromCharCode at a time. */
const UNITS_AT_ONCE = 8192;

/**
 * Code units as a string (each unit as it is: no decoding), a few thousand at a time through one
 * plain array: `apply` over a typed array copies it into a new list of arguments (8 B a unit), a
 * plain array of small integers is passed as it is.
 */
function unitsText(units: Uint16Array, n: number, scratch: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i += UNITS_AT_ONCE) {
    const take = Math.min(UNITS_AT_ONCE, n - i);
    const args = take === scratch.length ? scratch : new Array<number>(take);
    for (let j = 0; j < take; j++) args[j] = units[i + j]!;
    parts.push(String.fromCharCode.apply(null, args));
  }
  return parts.join('');
}

/**
 * The pieces of `count` strings joined by `separator`, each exactly `maxChars` long but the last, as
 * slicing the joined text would give them. The strings are given as their code units (`unitsAt(k)`
 * of them, written into a buffer by `write`): no string is made per item, one per piece. The order
 * ledger's save made 683k id strings, and joined and sliced them, some 120 MB of garbage in the
 * background at the moment an import's keepers save.
 */
export function joinedUnitsInPieces(
  count: number,
  unitsAt: (k: number) => number,
  write: (k: number, out: Uint16Array, at: number) => number,
  separator: string,
): TextInPieces {
  return {
    * stringPieces(maxChars: number) {
      const size = Math.max(1, maxChars);
      const piece = new Uint16Array(size);
      const scratch = new Array<number>(UNITS_AT_ONCE).fill(0);
      let used = 0;
      let item = new Uint16Array(256);
      for (let k = 0; k < count; k++) {
        const need = (k ? separator.length : 0) + unitsAt(k);
        if (need > item.length) item = new Uint16Array(Math.max(need, item.length * 2));
        let n = 0;
        if (k) for (let i = 0; i < separator.length; i++) item[n++] = separator.charCodeAt(i);
        n += write(k, item, n);
        // Unit by unit: a view of `item` per item (683k of them) was some 60 MB of garbage.
        for (let from = 0; from < n; from++) {
          piece[used++] = item[from]!;
          if (used === size) {
            yield unitsText(piece, used, scratch);
            used = 0;
          }
        }
      }
      if (used) yield unitsText(piece, used, scratch);
    },
  };
}

/** Strings kept as code units by index (a TextPool, a TextDictionary). */
export interface UnitSource {
  unitsAt(index: number): number;
  unitsInto(index: number, out: Uint16Array, at: number): number;
}

/** joinedUnitsInPieces of the first `count` strings of `source` named by `picks`, in that order. */
export function joinedPicksInPieces(source: UnitSource, picks: ArrayLike<number>, count: number, separator: string): TextInPieces {
  return joinedUnitsInPieces(count, (k) => source.unitsAt(picks[k]!), (k, out, at) => source.unitsInto(picks[k]!, out, at), separator);
}

/** The `count` strings a text joined by `separator` holds: '' splits into one empty string, but is none when none were joined. */
export function splitJoined(text: string, count: number, separator: string): string[] {
  return count ? text.split(separator) : [];
}

/** The whole text of its pieces (small texts, and tests: the point of pieces is not to hold it whole). */
export function wholeText(text: TextInPieces): string {
  return [...text.stringPieces(1 << 20)].join('');
}
